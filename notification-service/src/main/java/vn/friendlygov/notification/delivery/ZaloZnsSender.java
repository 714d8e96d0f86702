package vn.friendlygov.notification.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.friendlygov.notification.config.NotificationConfig;

/**
 * Zalo Notification Service: a template message to a phone number ({@code POST /message/template} with the OA
 * access token in the {@code access_token} header). Zalo answers HTTP 200 with {@code error} 0 on success. Which
 * template, and which message field fills which template_data key, is configuration per message kind
 * ({@code notification.zalo.templates.<kind>}), since each Official Account has its own approved templates.
 */
@ApplicationScoped
public class ZaloZnsSender implements ChannelSender {

    /** Zalo's error codes for an invalid or expired access token: refresh once and try again. */
    static final Set<Integer> TOKEN_ERRORS = Set.of(-124, -216);
    /** Codes no retry can cure: invalid phone number, user unreachable on Zalo, template not approved. */
    static final Set<Integer> PERMANENT_ERRORS = Set.of(-108, -118, -1124, -131);
    static final String LETTER = "LETTER";

    /** The template_data of the default template, and of a configured template that names none. */
    static final Map<String, String> DEFAULT_DATA = Map.of("title", "title", "content", "content");
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    /** A template chosen for a message: its id and template_data key → message field. */
    record Template(String id, Map<String, String> data) {
    }

    private final JsonHttp http;
    private final ZaloTokens tokens;
    private final NotificationConfig config;
    private final ObjectMapper mapper;

    public ZaloZnsSender(JsonHttp http, ZaloTokens tokens, NotificationConfig config, ObjectMapper mapper) {
        this.http = http;
        this.tokens = tokens;
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public boolean reaches(Addressee to) {
        return to.hasPhone();
    }

    /** A letter needs its own approved template; reminders fall back to the default one. */
    @Override
    public boolean carries(String kind) {
        return template(kind) != null;
    }

    Template template(String kind) {
        NotificationConfig.ZnsTemplate t = config.zalo().templates().get(kind);
        if (t != null) {
            return new Template(t.id(), t.data().isEmpty() ? DEFAULT_DATA : t.data());
        }
        return LETTER.equals(kind) ? null : new Template(config.zalo().reminderTemplateId(), DEFAULT_DATA);
    }

    @Override
    public SendResult send(OutgoingMessage m, Addressee to, List<Attachment> attachments) {
        if (!reaches(to)) {
            return SendResult.permanent("addressee has no phone number for Zalo");
        }
        Template template = template(m.kind);
        if (template == null) {
            return SendResult.permanent("no Zalo ZNS template is configured for " + m.kind);
        }
        Map<String, String> fields = fields(m);
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(template.data()).entrySet()) {
            String value = fields.get(e.getValue());
            if (value == null) {
                return SendResult.permanent("template " + template.id() + " wants " + e.getValue()
                        + ", which a " + m.kind + " message does not have");
            }
            data.put(e.getKey(), value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", Phones.international(to.phone()));
        body.put("template_id", template.id());
        body.put("template_data", data);
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

    /** What a template may use: the message's title and content, and its own named values (a letter's number…). */
    private Map<String, String> fields(OutgoingMessage m) {
        Map<String, String> fields = new HashMap<>();
        if (m.params != null) {
            try {
                fields.putAll(mapper.readValue(m.params, STRINGS));
            } catch (IOException e) {
                // written by this service as a JSON object of strings; unreadable means a bug, not a provider issue
                throw new IllegalArgumentException("message " + m.id + " has unreadable params", e);
            }
        }
        fields.put("title", m.subject);
        fields.put("content", m.bodyText);
        return fields;
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
