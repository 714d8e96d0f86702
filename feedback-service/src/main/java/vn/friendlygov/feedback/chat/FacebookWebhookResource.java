package vn.friendlygov.feedback.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.FacebookConfig;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.service.ChatIntake;

/**
 * The Facebook page webhook: the {@code hub.challenge} subscription handshake, and page messages signed with
 * {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body with the app secret). Messages are taken once (by mid).
 * One webhook serves every ward: each entry's page id says the ward ({@link ChatAccounts}).
 */
@Path("/webhooks/facebook")
@PermitAll
public class FacebookWebhookResource {

    private static final Logger LOG = Logger.getLogger(FacebookWebhookResource.class);

    private final FacebookConfig config;
    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final ChatIntake chat;
    private final ChatAccounts accounts;

    public FacebookWebhookResource(FacebookConfig config, ObjectMapper mapper, ProcessedEvents processed,
            ChatIntake chat, ChatAccounts accounts) {
        this.config = config;
        this.mapper = mapper;
        this.processed = processed;
        this.chat = chat;
        this.accounts = accounts;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        String expected = config.verifyToken().orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no Facebook page is configured"));
        if (!"subscribe".equals(mode) || token == null || !Signatures.same(expected.toLowerCase(), token)
                || challenge == null || !challenge.matches("[A-Za-z0-9_-]{1,200}")) {
            throw ProblemException.forbidden("the verify token does not match");
        }
        return challenge;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        if (config.appSecret().isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no Facebook app is configured");
        }
        if (!Signatures.same(Signatures.facebook(config.appSecret().get(), body), signature)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "X-Hub-Signature-256 is missing or wrong");
        }
        JsonNode update;
        try {
            update = mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the update is not JSON");
        }
        if (!"page".equals(update.path("object").asText())) {
            throw ProblemException.invalid("object", "only page updates are handled");
        }
        for (JsonNode entry : update.path("entry")) {
            String page = entry.path("id").asText("");
            var account = accounts.byAccount(ChatAccounts.FACEBOOK, page);
            if (account.isEmpty()) {
                // acknowledged (Facebook would retry the whole batch) but not taken: no ward has the page
                LOG.warnf("skipped an update entry of page %s, which no ward has registered", page);
                continue;
            }
            for (JsonNode m : entry.path("messaging")) {
                take(m, account.get().ward());
            }
        }
        return "EVENT_RECEIVED";
    }

    private void take(JsonNode messaging, String ward) {
        JsonNode message = messaging.path("message");
        String mid = message.path("mid").asText("");
        String sender = messaging.path("sender").path("id").asText("");
        // echoes of the page's own messages and delivery/read receipts are not feedback
        if (mid.isEmpty() || sender.isEmpty() || message.path("is_echo").asBoolean(false)) {
            return;
        }
        if (!processed.firstDelivery("facebook-webhook", mid)) {
            return;
        }
        List<ChatIntake.Attachment> attachments = new ArrayList<>();
        for (JsonNode a : message.path("attachments")) {
            String kind = "image".equals(a.path("type").asText()) ? "IMAGE" : "FILE";
            attachments.add(new ChatIntake.Attachment(kind, a.path("payload").path("url").asText(null)));
        }
        chat.receive(FeedbackChannel.FACEBOOK, ward, sender, message.path("text").asText(null),
                attachments, null);
    }
}
