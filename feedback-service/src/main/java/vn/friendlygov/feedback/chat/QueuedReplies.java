package vn.friendlygov.feedback.chat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the queued answers of one chat channel. Each reply is claimed with SKIP LOCKED (one replica sends it),
 * marked sent only when the channel accepted it, and retried on the next round otherwise. Subclasses say how one
 * reply goes out.
 */
abstract class QueuedReplies {

    private static final Logger LOG = Logger.getLogger(QueuedReplies.class);
    static final int MAX_ATTEMPTS = 50;

    private final EntityManager em;
    private final String channel;

    QueuedReplies(EntityManager em, String channel) {
        this.em = em;
        this.channel = channel;
    }

    /** Sends one reply; returns null when the channel accepted it, else what the channel said. */
    abstract String deliver(OutgoingReply reply);

    void sendPending() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from outgoing_reply where sent_at is null and channel = :channel and attempts < "
                        + MAX_ATTEMPTS + " order by created_at limit 50").setParameter("channel", channel)
                .getResultList());
        for (UUID id : ids) {
            QuarkusTransaction.requiringNew().run(() -> send(id));
        }
    }

    private void send(UUID id) {
        List<?> claimed = em.createNativeQuery("select id from outgoing_reply where id = :id and sent_at is null"
                + " for update skip locked").setParameter("id", id).getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        OutgoingReply r = em.find(OutgoingReply.class, id);
        r.attempts++;
        try {
            String error = deliver(r);
            if (error == null) {
                r.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
                r.lastError = null;
            } else {
                r.lastError = truncate(error);
            }
        } catch (RuntimeException e) {
            r.lastError = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (r.lastError != null) {
            // the reply id only: the recipient and the text are personal data
            LOG.warnf("%s reply %s not sent (attempt %d): %s", channel, id, r.attempts, r.lastError);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
