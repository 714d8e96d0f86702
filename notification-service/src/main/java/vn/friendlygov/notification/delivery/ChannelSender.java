package vn.friendlygov.notification.delivery;

import java.util.List;

/** A real client of one delivery channel's provider. */
public interface ChannelSender {

    Channel channel();

    /** Whether the addressee has what this channel needs (an e-mail address, a phone number). */
    boolean reaches(Addressee to);

    /** Whether this channel can carry a message of this kind (Zalo needs an approved template for it). */
    default boolean carries(String kind) {
        return true;
    }

    /** Sends; a network failure is answered as a retryable result, never thrown. */
    SendResult send(OutgoingMessage m, Addressee to, List<Attachment> attachments);
}
