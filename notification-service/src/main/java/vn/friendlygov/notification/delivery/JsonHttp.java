package vn.friendlygov.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.friendlygov.notification.config.NotificationConfig;

/** One JDK HTTP client for the providers' JSON APIs, with the configured timeout. */
@ApplicationScoped
public class JsonHttp {

    /** A provider's answer: HTTP status, the body as text, and as JSON when it is JSON. */
    public record Answer(int status, String body, JsonNode json) {
    }

    private final HttpClient client;
    private final ObjectMapper mapper;
    private final NotificationConfig config;

    public JsonHttp(ObjectMapper mapper, NotificationConfig config) {
        this.mapper = mapper;
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.delivery().httpTimeout()).build();
    }

    public Answer postJson(URI uri, Map<String, String> headers, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.delivery().httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Answer postForm(URI uri, Map<String, String> headers, String form) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.delivery().httpTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        try {
            json = r.body() == null || r.body().isBlank() ? null : mapper.readTree(r.body());
        } catch (IOException notJson) {
            // kept as text: the attempt records what the provider said
        }
        return new Answer(r.statusCode(), r.body(), json);
    }

    static String truncate(String s) {
        return s == null || s.length() <= 1900 ? s : s.substring(0, 1900);
    }
}
