package vn.friendlygov.feedback.chat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import vn.friendlygov.feedback.config.ZaloConfig;

/**
 * Delivers queued answers through the OA's customer-service message API. Each reply is claimed with SKIP LOCKED
 * (one replica sends it), marked sent only when Zalo says so, and retried on the next round otherwise.
 */
@ApplicationScoped
public class ZaloReplySender {

    private static final Logger LOG = Logger.getLogger(ZaloReplySender.class);
    static final int MAX_ATTEMPTS = 50;

    private final ZaloConfig config;
    private final ZaloTokens tokens;
    private final ZaloMessageApi api;
    private final EntityManager em;

    public ZaloReplySender(ZaloConfig config, ZaloTokens tokens, @RestClient ZaloMessageApi api, EntityManager em) {
        this.config = config;
        this.tokens = tokens;
        this.api = api;
        this.em = em;
    }

    @Scheduled(every = "${feedback.reply-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendPending() {
        if (config.oaId().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from outgoing_reply where sent_at is null and channel = 'ZALO' and attempts < "
                        + MAX_ATTEMPTS + " order by created_at limit 50").getResultList());
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
            ZaloMessageApi.CsMessage m = new ZaloMessageApi.CsMessage(new ZaloMessageApi.Recipient(r.recipient),
                    new ZaloMessageApi.Text(r.text));
            String token = tokens.current();
            ZaloMessageApi.Answer a = api.send(token, m);
            if (a != null && a.tokenRejected()) {
                a = api.send(tokens.replace(token), m);
            }
            if (a != null && a.ok()) {
                r.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
                r.lastError = null;
            } else {
                r.lastError = "Zalo error " + (a == null ? "?" : a.error() + " " + a.message());
            }
        } catch (RuntimeException e) {
            r.lastError = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
            LOG.warnf("Zalo reply %s not sent (attempt %d): %s", id, r.attempts, r.lastError);
        }
    }
}
