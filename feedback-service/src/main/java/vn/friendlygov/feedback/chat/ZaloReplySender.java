package vn.friendlygov.feedback.chat;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.friendlygov.feedback.config.ZaloConfig;

/** Delivers queued answers through the OA's customer-service message API, refreshing the token when refused. */
@Singleton
public class ZaloReplySender extends QueuedReplies {

    private final ZaloConfig config;
    private final ZaloTokens tokens;
    private final ZaloMessageApi api;

    public ZaloReplySender(ZaloConfig config, ZaloTokens tokens, @RestClient ZaloMessageApi api, EntityManager em) {
        super(em, "ZALO");
        this.config = config;
        this.tokens = tokens;
        this.api = api;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.reply-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.oaId().isPresent()) {
            sendPending();
        }
    }

    @Override
    String deliver(OutgoingReply r) {
        ZaloMessageApi.CsMessage m = new ZaloMessageApi.CsMessage(new ZaloMessageApi.Recipient(r.recipient),
                new ZaloMessageApi.Text(r.text));
        String token = tokens.current();
        ZaloMessageApi.Answer a = api.send(token, m);
        if (a != null && a.tokenRejected()) {
            a = api.send(tokens.replace(token), m);
        }
        return a != null && a.ok() ? null : "Zalo error " + (a == null ? "?" : a.error() + " " + a.message());
    }
}
