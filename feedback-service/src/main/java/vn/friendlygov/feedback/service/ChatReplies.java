package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.friendlygov.feedback.chat.OutgoingReply;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;

/**
 * Queues the answer of a chat case for the channel, in the transaction of the answer: an unreachable Zalo never
 * loses an answer nor blocks the officer; {@code ZaloReplySender} delivers the queue.
 */
@ApplicationScoped
public class ChatReplies {

    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Feedback f, String text) {
        if ((f.channel != FeedbackChannel.ZALO && f.channel != FeedbackChannel.FACEBOOK) || f.channelUserId == null) {
            return;
        }
        OutgoingReply r = new OutgoingReply();
        r.id = UUID.randomUUID();
        r.feedbackId = f.id;
        r.channel = f.channel.name();
        r.recipient = f.channelUserId;
        r.text = "Trả lời phản ánh " + f.trackingCode + ":\n" + text;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
    }
}
