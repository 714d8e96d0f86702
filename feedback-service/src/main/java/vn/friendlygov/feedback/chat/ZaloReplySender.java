package vn.friendlygov.feedback.chat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * Delivers queued answers through the customer-service message API of the case's ward's OA, refreshing the token
 * when refused.
 */
@Singleton
public class ZaloReplySender extends QueuedReplies {

    private final ChatAccounts accounts;
    private final ZaloTokens tokens;
    private final ZaloMessageApi api;
    private final EntityManager em;

    public ZaloReplySender(ChatAccounts accounts, ZaloTokens tokens, @RestClient ZaloMessageApi api,
            EntityManager em) {
        super(em, "ZALO");
        this.accounts = accounts;
        this.tokens = tokens;
        this.api = api;
        this.em = em;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.reply-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (QuarkusTransaction.requiringNew().call(() -> accounts.any(ChatAccounts.ZALO))) {
            sendPending();
        }
    }

    @Override
    String deliver(OutgoingReply r) {
        ZaloMessageApi.CsMessage m = new ZaloMessageApi.CsMessage(new ZaloMessageApi.Recipient(r.recipient),
                new ZaloMessageApi.Text(r.text));
        String ward = em.find(Feedback.class, r.feedbackId).ward;
        var account = accounts.forWard(ChatAccounts.ZALO, ward);
        if (account.isEmpty()) {
            return "no Zalo Official Account is registered for ward " + ward;
        }
        String oa = account.get().accountId();
        String token = tokens.current(oa);
        ZaloMessageApi.Answer a = api.send(token, m);
        if (a != null && a.tokenRejected()) {
            a = api.send(tokens.replace(oa, token), m);
        }
        return a != null && a.ok() ? null : "Zalo error " + (a == null ? "?" : a.error() + " " + a.message());
    }
}
