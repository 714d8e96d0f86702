package vn.friendlygov.feedback.chat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.friendlygov.feedback.config.FacebookConfig;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * Delivers queued answers to the ward's Facebook page conversations through the Send API, with the access token of
 * the case's ward's page (registered, or from the environment for a one-ward deployment). Inside 24 hours of the citizen's message the answer is a RESPONSE; later it goes
 * with the HUMAN_AGENT tag (a person answering, allowed for 7 days once the page has that permission).
 */
@Singleton
public class FacebookReplySender extends QueuedReplies {

    static final Duration STANDARD_WINDOW = Duration.ofHours(24);

    private final FacebookConfig config;
    private final ChatAccounts accounts;
    private final FacebookSendApi api;
    private final EntityManager em;

    public FacebookReplySender(FacebookConfig config, ChatAccounts accounts, @RestClient FacebookSendApi api,
            EntityManager em) {
        super(em, "FACEBOOK");
        this.config = config;
        this.accounts = accounts;
        this.api = api;
        this.em = em;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.reply-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (QuarkusTransaction.requiringNew().call(() -> accounts.any(ChatAccounts.FACEBOOK))) {
            sendPending();
        }
    }

    @Override
    String deliver(OutgoingReply r) {
        Feedback f = em.find(Feedback.class, r.feedbackId);
        var page = accounts.forWard(ChatAccounts.FACEBOOK, f.ward);
        if (page.isEmpty() || page.get().pageAccessToken() == null) {
            return "no Facebook page is registered for ward " + f.ward;
        }
        OffsetDateTime lastHeard = (OffsetDateTime) em.createNativeQuery("select greatest(f.received_at,"
                + " (select max(m.received_at) from feedback_message m where m.feedback_id = f.id))"
                + " from feedback f where f.id = :id", OffsetDateTime.class).setParameter("id", f.id)
                .getSingleResult();
        boolean inWindow = lastHeard.plus(STANDARD_WINDOW).isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        FacebookSendApi.Message m = new FacebookSendApi.Message(new FacebookSendApi.Recipient(r.recipient),
                inWindow ? "RESPONSE" : "MESSAGE_TAG", inWindow ? null : "HUMAN_AGENT",
                new FacebookSendApi.Text(r.text));
        Response sent;
        try {
            sent = api.send(config.graphVersion(), page.get().pageAccessToken(), m);
        } catch (WebApplicationException e) {
            sent = e.getResponse(); // 4xx/5xx: Graph explains itself in the body
        }
        try (Response response = sent) {
            FacebookSendApi.Answer a = answer(response);
            if (response.getStatus() == 200 && a != null && a.messageId() != null) {
                return null;
            }
            return "Facebook HTTP " + response.getStatus() + (a == null || a.error() == null ? ""
                    : " error " + a.error().code() + " " + a.error().type() + ": " + a.error().message());
        }
    }

    private static FacebookSendApi.Answer answer(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(FacebookSendApi.Answer.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
