package vn.friendlygov.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.ProvidersTestResource;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.recipient.Recipient;
import vn.friendlygov.notification.service.DeliveryService;
import vn.friendlygov.notification.service.Messages;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
public class DeliveryTest {

    public static final String SMS_PATH = "/sms/MainService.svc/json/SendMultipleMessage_V4_post_json/";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;
    @Inject
    DeliveryService deliveries;
    @Inject
    Messages messages;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static UUID recipient(String ward, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("unit", "VP", "role", "OFFICER", "name", "Trần Thị Lan"));
        body.putAll(fields);
        String id = given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("application/json")
                .body(body).when().post("/api/v1/recipients").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    UUID message(UUID recipientId, Channel channel, String subject, String text, String html) {
        return tx(() -> messages.create(Recipient.findById(recipientId), channel, "test:" + UUID.randomUUID(),
                "REMINDER", subject, text, html, null));
    }

    void deliverAll() {
        while (deliveries.deliverDue() > 0) {
            // until nothing due is left
        }
    }

    static OutgoingMessage stored(UUID id) {
        return tx(() -> OutgoingMessage.findById(id));
    }

    static List<DeliveryAttempt> attempts(UUID id) {
        return tx(() -> DeliveryAttempt.list("messageId = ?1 order by attemptedAt", id));
    }

    public static MimeMessage mailTo(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                ProvidersTestResource.greenMail().getReceivedMessages()).filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElse(null), m -> m != null);
    }

    static Map<String, String> parts(Part p) throws Exception {
        Map<String, String> out = new HashMap<>();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                out.putAll(parts(b));
            }
        } else {
            out.put(p.getContentType().split(";")[0].trim().toLowerCase(), p.getContent().toString());
        }
        return out;
    }

    public static ConsumerRecord<String, String> event(String topic, UUID messageId, String type) {
        List<ConsumerRecord<String, String>> rs = TopicProbe.readUntil(topic, Duration.ofSeconds(30),
                l -> l.stream().anyMatch(r -> messageId.toString().equals(r.key()) && type.equals(header(r, "ce_type"))));
        return rs.stream().filter(r -> messageId.toString().equals(r.key()) && type.equals(header(r, "ce_type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for " + messageId + " on " + topic));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anEmailReachesTheSmtpServerWithItsVietnameseSubjectHtmlAndText() throws Exception {
        clock.set("2026-06-01T02:00:00Z");
        String ward = TestEvents.uniqueWard();
        String address = "van-phong-" + ward + "@example.vn";
        UUID r = recipient(ward, Map.of("email", address, "channels", List.of("EMAIL")));
        String subject = "Nhắc việc: Công khai quy chế thực hiện dân chủ ở cơ sở — hạn 05/06/2026";
        UUID m = message(r, Channel.EMAIL, subject, "Đề nghị đồng chí hoàn thành đúng hạn.",
                "<p>Đề nghị đồng chí <b>hoàn thành</b> đúng hạn.</p>");
        deliverAll();

        MimeMessage mail = mailTo(address);
        assertEquals(subject, mail.getSubject());
        String raw = mail.getHeader("Subject")[0];
        assertTrue(raw.startsWith("=?") && raw.toLowerCase().contains("utf-8"), "RFC 2047 encoded: " + raw);
        Map<String, String> parts = parts(mail);
        assertEquals("Đề nghị đồng chí hoàn thành đúng hạn.", parts.get("text/plain").strip());
        assertTrue(parts.get("text/html").contains("<p>Đề nghị đồng chí <b>hoàn thành</b> đúng hạn.</p>"));

        OutgoingMessage sent = stored(m);
        assertEquals("SENT", sent.status);
        assertEquals(1, sent.attempts);
        assertTrue(attempts(m).get(0).success);
        ConsumerRecord<String, String> e = event(DeliveryService.TOPIC, m, "vn.friendlygov.notification.delivery.sent.v1");
        JsonNode data = JSON.readTree(e.value());
        assertEquals("EMAIL", data.get("channel").asText());
        assertEquals(ward, data.get("ward").asText());
        assertEquals(1, data.get("attempts").asInt());
    }

    @Test
    void zaloRefreshesItsRotatingTokenWhenZaloRejectsItAndSendsTheTemplate() throws Exception {
        clock.set("2026-06-01T02:00:00Z");
        WireMockServer wm = ProvidersTestResource.wireMock();
        wm.stubFor(post(urlEqualTo("/zalo-oauth/v4/oa/access_token"))
                .withHeader("secret_key", equalTo(ProvidersTestResource.ZALO_SECRET))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("refresh_token=refresh-token-1"))
                .withRequestBody(containing("app_id=" + ProvidersTestResource.ZALO_APP_ID))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"token-A\",\"refresh_token\":\"refresh-token-2\",\"expires_in\":\"90000\"}")));
        wm.stubFor(post(urlEqualTo("/zalo-oauth/v4/oa/access_token"))
                .withHeader("secret_key", equalTo(ProvidersTestResource.ZALO_SECRET))
                .withRequestBody(containing("refresh_token=refresh-token-2"))
                .willReturn(okJson("{\"access_token\":\"token-B\",\"refresh_token\":\"refresh-token-3\",\"expires_in\":\"90000\"}")));
        wm.stubFor(post(urlEqualTo("/zalo/message/template")).withHeader("access_token", equalTo("token-A"))
                .willReturn(okJson("{\"error\":-124,\"message\":\"Access token is invalid\"}")));
        wm.stubFor(post(urlEqualTo("/zalo/message/template")).withHeader("access_token", equalTo("token-B"))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("84912345678")))
                .willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"zns-1\"}}")));

        String ward = TestEvents.uniqueWard();
        UUID r = recipient(ward, Map.of("phone", "0912345678", "channels", List.of("ZALO")));
        String subject = "Hôm nay đến hạn: tiếp công dân định kỳ tháng 6";
        UUID m = message(r, Channel.ZALO, subject, "Lịch tiếp công dân của Chủ tịch UBND phường.", null);
        deliverAll();

        assertEquals("SENT", stored(m).status);
        assertEquals(1, stored(m).attempts, "the token refresh happens inside one attempt");
        wm.verify(1, postRequestedFor(urlEqualTo("/zalo-oauth/v4/oa/access_token"))
                .withRequestBody(containing("refresh_token=refresh-token-1")));
        wm.verify(1, postRequestedFor(urlEqualTo("/zalo-oauth/v4/oa/access_token"))
                .withRequestBody(containing("refresh_token=refresh-token-2")));
        List<LoggedRequest> sends = wm.findAll(postRequestedFor(urlEqualTo("/zalo/message/template"))
                .withHeader("access_token", equalTo("token-B")));
        assertEquals(1, sends.size());
        JsonNode body = JSON.readTree(sends.get(0).getBodyAsString());
        assertEquals("84912345678", body.get("phone").asText());
        assertEquals("231234", body.get("template_id").asText());
        assertEquals(subject, body.get("template_data").get("title").asText());
        assertEquals("Lịch tiếp công dân của Chủ tịch UBND phường.", body.get("template_data").get("content").asText());
        assertEquals(m.toString(), body.get("tracking_id").asText());
        assertEquals("refresh-token-3", tx(() -> ((ProviderToken) ProviderToken.findById("zalo")).refreshToken));
    }

    @Test
    void smsRetriesWithDoublingBackoffThenFailsOverToTheNextChannel() throws Exception {
        OffsetDateTime t0 = OffsetDateTime.parse("2026-06-02T02:00:00Z");
        clock.set(t0.toInstant());
        WireMockServer wm = ProvidersTestResource.wireMock();
        wm.stubFor(post(urlEqualTo(SMS_PATH)).withRequestBody(matchingJsonPath("$.Phone", equalTo("0987654321")))
                .willReturn(aResponse().withStatus(503).withBody("gateway busy")));
        String ward = TestEvents.uniqueWard();
        String address = "du-phong-" + ward + "@example.vn";
        UUID r = recipient(ward, Map.of("phone", "0987654321", "email", address, "channels", List.of("SMS", "EMAIL")));
        String subject = "Quá hạn 2 ngày: phản ánh PL-2026-000042";
        UUID m = message(r, Channel.SMS, subject, "Đề nghị trả lời công dân.", null);

        deliverAll();
        assertEquals(1, stored(m).attempts);
        deliverAll(); // not yet due again
        assertEquals(1, stored(m).attempts);
        for (int minutes : new int[] {1, 3, 7}) { // 1, 2 and 4 minutes after each failure
            clock.set(t0.plusMinutes(minutes).minusSeconds(1).toInstant());
            deliverAll();
            clock.set(t0.plusMinutes(minutes).toInstant());
            deliverAll();
        }
        OutgoingMessage failed = stored(m);
        assertEquals("FAILED", failed.status);
        assertEquals(4, failed.attempts);
        assertEquals("HTTP 503 gateway busy", failed.lastError);
        assertEquals("EMAIL", failed.fallbackChannel);
        List<DeliveryAttempt> tries = attempts(m);
        assertEquals(List.of(t0, t0.plusMinutes(1), t0.plusMinutes(3), t0.plusMinutes(7)),
                tries.stream().map(a -> a.attemptedAt.withOffsetSameInstant(t0.getOffset())).toList());
        assertTrue(tries.stream().noneMatch(a -> a.success));

        List<LoggedRequest> sms = wm.findAll(postRequestedFor(urlEqualTo(SMS_PATH))
                .withRequestBody(matchingJsonPath("$.Phone", equalTo("0987654321"))));
        assertEquals(4, sms.size());
        JsonNode body = JSON.readTree(sms.get(0).getBodyAsString());
        assertEquals(ProvidersTestResource.SMS_API_KEY, body.get("ApiKey").asText());
        assertEquals(ProvidersTestResource.SMS_SECRET, body.get("SecretKey").asText());
        assertEquals(subject + ". Đề nghị trả lời công dân.", body.get("Content").asText());
        assertEquals("2", body.get("SmsType").asText());
        assertEquals("1", body.get("IsUnicode").asText());
        assertEquals(m.toString(), body.get("RequestId").asText());

        deliverAll();
        OutgoingMessage fallback = tx(() -> OutgoingMessage.find("fallbackOf", m).firstResult());
        assertNotNull(fallback);
        assertEquals("EMAIL", fallback.channel);
        assertEquals("SENT", fallback.status);
        assertEquals(subject, mailTo(address).getSubject());
        JsonNode failedEvent = JSON.readTree(event(DeliveryService.TOPIC, m,
                "vn.friendlygov.notification.delivery.failed.v1").value());
        assertEquals(4, failedEvent.get("attempts").asInt());
        assertEquals("SMS", failedEvent.get("channel").asText());
        assertEquals("HTTP 503 gateway busy", failedEvent.get("reason").asText());

        // the ward's leader sees what did not get through, attempt by attempt
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).queryParam("status", "FAILED")
                .when().get("/api/v1/messages").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].id", org.hamcrest.Matchers.equalTo(m.toString()))
                .body("[0].fallbackChannel", org.hamcrest.Matchers.equalTo("EMAIL"))
                .body("[0].history.size()", org.hamcrest.Matchers.equalTo(4))
                .body("[0].history[3].providerAnswer", org.hamcrest.Matchers.equalTo("HTTP 503 gateway busy"));
        given().auth().oauth2(TestTokens.token("officer", "VP", ward)).when().get("/api/v1/messages").then()
                .statusCode(403);
    }

    @Test
    void aMessageTheProviderRefusesForGoodFailsAtOnceAndGoesToTheDeadLetterTopic() throws Exception {
        clock.set("2026-06-03T02:00:00Z");
        ProvidersTestResource.wireMock().stubFor(post(urlEqualTo(SMS_PATH))
                .withRequestBody(matchingJsonPath("$.Phone", equalTo("0977000111")))
                .willReturn(okJson("{\"CodeResult\":\"101\",\"ErrorMessage\":\"Authorize Failed\"}")));
        UUID r = recipient(TestEvents.uniqueWard(), Map.of("phone", "0977000111", "channels", List.of("SMS")));
        UUID m = message(r, Channel.SMS, "Nhắc việc", "Nội dung", null);
        deliverAll();
        OutgoingMessage failed = stored(m);
        assertEquals("FAILED", failed.status);
        assertEquals(1, failed.attempts);
        assertEquals("INBOX", failed.fallbackChannel);
        ConsumerRecord<String, String> dead = event(DeliveryService.DEAD_LETTER_TOPIC, m,
                "vn.friendlygov.notification.delivery.undeliverable.v1");
        assertTrue(JSON.readTree(dead.value()).get("reason").asText().contains("\"CodeResult\":\"101\""));
    }

    @Test
    void quietHoursHoldAMessageUntilTheyEnd() {
        clock.set("2026-06-02T15:00:00Z"); // 22:00 in Hải Phòng
        UUID r = recipient(TestEvents.uniqueWard(), Map.of("email", "dem-khuya@example.vn", "channels", List.of("EMAIL"),
                "quietStart", "21:00", "quietEnd", "07:00"));
        UUID m = message(r, Channel.EMAIL, "Nhắc việc", "Nội dung", null);
        assertEquals(OffsetDateTime.parse("2026-06-03T00:00:00Z").toInstant(), stored(m).nextAttemptAt.toInstant());
        deliverAll();
        assertEquals(0, stored(m).attempts);
    }
}
