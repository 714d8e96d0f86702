package vn.friendlygov.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.friendlygov.notification.config.NotificationConfig;

/**
 * SMS through an eSMS-style HTTP gateway (JSON {@code SendMultipleMessage_V4_post_json}); {@code CodeResult} "100"
 * means accepted. Unicode content keeps the diacritics.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    /** Wrong API key, unknown brandname: configuration errors that no retry cures. */
    static final Set<String> PERMANENT_CODES = Set.of("101", "104");

    /** A message param with the text to send instead of subject and body (a letter's short notice). */
    public static final String TEXT = "sms";

    private final JsonHttp http;
    private final NotificationConfig config;
    private final ObjectMapper mapper;

    public SmsSender(JsonHttp http, NotificationConfig config, ObjectMapper mapper) {
        this.http = http;
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    private String text(OutgoingMessage m) {
        if (m.params != null) {
            try {
                JsonNode text = mapper.readTree(m.params).get(TEXT);
                if (text != null && text.isTextual()) {
                    return text.asText();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("message " + m.id + " has unreadable params", e);
            }
        }
        return m.subject + ". " + m.bodyText;
    }

    @Override
    public boolean reaches(Addressee to) {
        return to.hasPhone();
    }

    @Override
    public SendResult send(OutgoingMessage m, Addressee to, List<Attachment> attachments) {
        if (!reaches(to)) {
            return SendResult.permanent("addressee has no phone number");
        }
        if (config.sms().apiKey().isEmpty() || config.sms().secretKey().isEmpty()) {
            return SendResult.retry("SMS gateway is not configured");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ApiKey", config.sms().apiKey().get());
        body.put("SecretKey", config.sms().secretKey().get());
        body.put("Phone", to.phone().replaceAll("[^0-9]", ""));
        body.put("Content", text(m));
        body.put("Brandname", config.sms().brandname());
        body.put("SmsType", "2");
        body.put("IsUnicode", "1");
        body.put("RequestId", m.id.toString());
        try {
            JsonHttp.Answer a = http.postJson(
                    URI.create(config.sms().apiUrl() + "/MainService.svc/json/SendMultipleMessage_V4_post_json/"),
                    Map.of(), body);
            String answer = "HTTP " + a.status() + " " + JsonHttp.truncate(a.body());
            if (a.status() != 200 || a.json() == null) {
                return SendResult.retry(answer);
            }
            String code = a.json().path("CodeResult").asText("");
            if ("100".equals(code)) {
                return SendResult.ok(answer);
            }
            return PERMANENT_CODES.contains(code) ? SendResult.permanent(answer) : SendResult.retry(answer);
        } catch (IOException e) {
            return SendResult.retry("SMS: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("SMS: interrupted");
        }
    }
}
