package vn.friendlygov.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.friendlygov.notification.config.NotificationConfig;
import vn.friendlygov.notification.recipient.Recipient;

/**
 * Zalo Notification Service: a template message to a phone number ({@code POST /message/template} with the OA
 * access token in the {@code access_token} header). Zalo answers HTTP 200 with {@code error} 0 on success.
 */
@ApplicationScoped
public class ZaloZnsSender implements ChannelSender {

    /** Zalo's error codes for an invalid or expired access token: refresh once and try again. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(-124, -216);
    /** Codes no retry can cure: invalid phone number, user unreachable on Zalo, template not approved. */
    static final Set<Integer> PERMANENT_ERRORS = Set.of(-108, -118, -1124, -131);

    private final JsonHttp http;
    private final ZaloTokens tokens;
    private final NotificationConfig config;

    public ZaloZnsSender(JsonHttp http, ZaloTokens tokens, NotificationConfig config) {
        this.http = http;
        this.tokens = tokens;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public boolean reaches(Recipient r) {
        return r.phone != null && !r.phone.isBlank();
    }

    @Override
    public SendResult send(OutgoingMessage m, Recipient r) {
        if (!reaches(r)) {
            return SendResult.permanent("recipient has no phone number for Zalo");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", Phones.international(r.phone));
        body.put("template_id", config.zalo().reminderTemplateId());
        body.put("template_data", Map.of("title", m.subject, "content", m.bodyText));
        body.put("tracking_id", m.id.toString());
        URI uri = URI.create(config.zalo().apiUrl() + "/message/template");
        try {
            String token = tokens.current();
            JsonHttp.Answer a = http.postJson(uri, Map.of("access_token", token), body);
            if (a.json() != null && TOKEN_ERRORS.contains(a.json().path("error").asInt(0))) {
                a = http.postJson(uri, Map.of("access_token", tokens.refresh(token)), body);
            }
            return interpret(a);
        } catch (IOException | IllegalStateException e) {
            return SendResult.retry("Zalo: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("Zalo: interrupted");
        }
    }

    private static SendResult interpret(JsonHttp.Answer a) {
        String answer = "HTTP " + a.status() + " " + JsonHttp.truncate(a.body());
        if (a.status() != 200 || a.json() == null) {
            return SendResult.retry(answer);
        }
        int error = a.json().path("error").asInt(-1);
        if (error == 0) {
            return SendResult.ok(answer);
        }
        return PERMANENT_ERRORS.contains(error) ? SendResult.permanent(answer) : SendResult.retry(answer);
    }
}
