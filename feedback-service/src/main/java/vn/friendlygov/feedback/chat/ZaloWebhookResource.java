package vn.friendlygov.feedback.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.ZaloConfig;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.service.ChatIntake;

/**
 * The Zalo OA webhook. Each event is checked before anything is read from it: the {@code X-ZEvent-Signature} mac over
 * app id, raw body, the event's timestamp and the OA secret key, then the timestamp against a replay window, then
 * the message id against the events already taken (Zalo retries). Unsigned or wrongly signed calls change nothing.
 * One webhook serves every ward: the OA the message was sent to ({@code recipient.id}) says the ward
 * ({@link ChatAccounts}); an OA no ward has registered is 404 and changes nothing.
 */
@Path("/webhooks/zalo")
@PermitAll
public class ZaloWebhookResource {

    static final Set<String> MESSAGES = Set.of("user_send_text", "user_send_image", "user_send_file");

    private final ZaloConfig config;
    private final ObjectMapper mapper;
    private final ProcessedEvents processed;
    private final ChatIntake chat;
    private final ChatAccounts accounts;

    public ZaloWebhookResource(ZaloConfig config, ObjectMapper mapper, ProcessedEvents processed, ChatIntake chat,
            ChatAccounts accounts) {
        this.config = config;
        this.mapper = mapper;
        this.processed = processed;
        this.chat = chat;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> receive(byte[] body, @HeaderParam("X-ZEvent-Signature") String signature) {
        if (config.appId().isEmpty() || config.oaSecretKey().isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no Zalo app is configured");
        }
        if (signature == null || signature.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "X-ZEvent-Signature is missing");
        }
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the event is not JSON");
        }
        String timestamp = event.path("timestamp").asText("");
        String expected = Signatures.zalo(config.appId().get(), body, timestamp, config.oaSecretKey().get());
        String given = signature.strip().startsWith("mac=") ? signature.strip().substring(4) : signature;
        if (!Signatures.same(expected, given)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "the signature does not match");
        }
        if (!fresh(timestamp)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "the event's timestamp is outside the replay window");
        }
        String name = event.path("event_name").asText("");
        String messageId = event.path("message").path("msg_id").asText("");
        String sender = event.path("sender").path("id").asText("");
        if (!MESSAGES.contains(name)) {
            return Map.of("accepted", false, "reason", "event not handled: " + name);
        }
        if (messageId.isEmpty() || sender.isEmpty()) {
            throw ProblemException.invalid("message.msg_id", "a message event needs message.msg_id and sender.id");
        }
        String oa = event.path("recipient").path("id").asText("");
        ChatAccounts.Account account = accounts.byAccount(ChatAccounts.ZALO, oa).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "no ward has registered the Official Account " + oa));
        if (!processed.firstDelivery("zalo-webhook", messageId)) {
            return Map.of("accepted", true, "duplicate", true);
        }
        List<ChatIntake.Attachment> attachments = new ArrayList<>();
        for (JsonNode a : event.path("message").path("attachments")) {
            String kind = "image".equals(a.path("type").asText()) ? "IMAGE" : "FILE";
            attachments.add(new ChatIntake.Attachment(kind, a.path("payload").path("url").asText(null)));
        }
        String text = event.path("message").path("text").asText(null);
        String code = chat.receive(FeedbackChannel.ZALO, account.ward(), sender, text, attachments,
                account.defaultCategory() != null ? account.defaultCategory() : config.defaultCategory().orElse(null));
        return Map.of("accepted", true, "trackingCode", code);
    }

    private boolean fresh(String timestamp) {
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp));
            Duration skew = Duration.between(at, Instant.now()).abs();
            return skew.compareTo(config.replayWindow()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
