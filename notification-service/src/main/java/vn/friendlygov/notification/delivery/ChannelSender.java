package vn.friendlygov.notification.delivery;

import vn.friendlygov.notification.recipient.Recipient;

/** A real client of one delivery channel's provider. */
public interface ChannelSender {

    Channel channel();

    /** Whether the recipient has what this channel needs (an e-mail address, a phone number). */
    boolean reaches(Recipient r);

    /** Sends; a network failure is answered as a retryable result, never thrown. */
    SendResult send(OutgoingMessage m, Recipient r);
}
