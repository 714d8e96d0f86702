package vn.friendlygov.feedback.chat;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class FacebookChannelTest {

    static final String SECRET = "test-fb-app-secret-not-real";

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForOurVerifyToken() {
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-fb-verify-token")
                .queryParam("hub.challenge", "1158201444").when().get("/webhooks/facebook")
                .then().statusCode(200).body(equalTo("1158201444"));
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").when().get("/webhooks/facebook")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void signedPageMessagesBecomeCasesOnceAndUnsignedOnesChangeNothing() {
        String psid = "psid-" + UUID.randomUUID();
        String mid = "m_" + UUID.randomUUID();
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1764140000000,\"messaging\":[{"
                + "\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":1764140000000,"
                + "\"message\":{\"mid\":\"" + mid + "\",\"text\":\"Xin phản ánh: loa phát thanh thôn Đông hỏng\"}}]}]}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        long before = feedbackRows();
        post(raw, null).then().statusCode(401);
        post(raw, "sha256=" + "ab".repeat(32)).then().statusCode(401);
        post(raw, Signatures.facebook("another-secret", raw)).then().statusCode(401);
        assertEquals(before, feedbackRows());

        post(raw, Signatures.facebook(SECRET, raw)).then().statusCode(200).body(equalTo("EVENT_RECEIVED"));
        post(raw, Signatures.facebook(SECRET, raw)).then().statusCode(200);
        assertEquals(before + 1, feedbackRows());
        Feedback f = QuarkusTransaction.requiringNew().call(() ->
                Feedback.<Feedback>find("channelUserId", psid).singleResult());
        assertEquals("FACEBOOK", f.channel.name());
        assertEquals("Xin phản ánh: loa phát thanh thôn Đông hỏng", f.content);
    }

    @Test
    void answersGoBackThroughTheSendApiWithThePageToken() {
        String psid = "psid-" + UUID.randomUUID();
        Feedback f = caseFrom(psid, "Xin phản ánh: cống thôn Nam bị tắc");
        ZaloServer.server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v21.0/me/messages"))
                .withQueryParam("access_token", WireMock.equalTo("test-fb-page-token-not-real"))
                .withRequestBody(WireMock.matchingJsonPath("$.recipient.id", WireMock.equalTo(psid)))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_1\"}")));
        answer(f, "Phường đã cử người thông cống thôn Nam.");
        awaitReply(f.id, true);
        ZaloServer.server.verify(1, WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v21.0/me/messages"))
                .withQueryParam("access_token", WireMock.equalTo("test-fb-page-token-not-real"))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(WireMock.equalToJson("{\"recipient\":{\"id\":\"" + psid + "\"},"
                        + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Trả lời phản ánh "
                        + f.trackingCode + ":\\nPhường đã cử người thông cống thôn Nam.\"}}")));

        // two days after the citizen wrote: outside the 24-hour window, sent as a person's answer (HUMAN_AGENT)
        String late = "psid-" + UUID.randomUUID();
        Feedback old = caseFrom(late, "Xin hỏi lịch tiêm chủng tháng này");
        QuarkusTransaction.requiringNew().run(() -> Feedback.<Feedback>findById(old.id).receivedAt =
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(2));
        ZaloServer.server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v21.0/me/messages"))
                .withRequestBody(WireMock.matchingJsonPath("$.recipient.id", WireMock.equalTo(late)))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"" + late + "\",\"message_id\":\"m_2\"}")));
        answer(old, "Lịch tiêm ngày 15 tại trạm y tế.");
        awaitReply(old.id, true);
        ZaloServer.server.verify(1, WireMock.postRequestedFor(WireMock.urlPathEqualTo("/v21.0/me/messages"))
                .withRequestBody(WireMock.matchingJsonPath("$.recipient.id", WireMock.equalTo(late)))
                .withRequestBody(WireMock.matchingJsonPath("$.messaging_type", WireMock.equalTo("MESSAGE_TAG")))
                .withRequestBody(WireMock.matchingJsonPath("$.tag", WireMock.equalTo("HUMAN_AGENT"))));

        // Graph refuses (expired page token): the answer stays queued with Graph's reason, to be retried
        String refused = "psid-" + UUID.randomUUID();
        Feedback third = caseFrom(refused, "Xin phản ánh: đèn đường tắt");
        ZaloServer.server.stubFor(WireMock.post(WireMock.urlPathEqualTo("/v21.0/me/messages"))
                .withRequestBody(WireMock.matchingJsonPath("$.recipient.id", WireMock.equalTo(refused)))
                .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Error validating access token\","
                                + "\"type\":\"OAuthException\",\"code\":190}}")));
        answer(third, "Đã báo điện lực.");
        awaitReply(third.id, false);
        OutgoingReply queued = QuarkusTransaction.requiringNew().call(() ->
                OutgoingReply.<OutgoingReply>find("feedbackId", third.id).singleResult());
        assertEquals(null, queued.sentAt);
        org.junit.jupiter.api.Assertions.assertTrue(queued.lastError.contains("190"), queued.lastError);
    }

    private static Feedback caseFrom(String psid, String text) {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1764140000000,\"messaging\":[{"
                + "\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":1764140000000,"
                + "\"message\":{\"mid\":\"m_" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}}]}]}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        post(raw, Signatures.facebook(SECRET, raw)).then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() ->
                Feedback.<Feedback>find("channelUserId", psid).singleResult());
    }

    private static void answer(Feedback f, String text) {
        Clients.leader().contentType(ContentType.JSON).body(java.util.Map.of("unit", "VP"))
                .when().post("/api/v1/staff/feedback/" + f.id + "/assign").then().statusCode(200);
        Clients.officer("VP").contentType(ContentType.JSON).body(java.util.Map.of("answer", text))
                .when().post("/api/v1/staff/feedback/" + f.id + "/answer").then().statusCode(200);
    }

    private static void awaitReply(UUID feedbackId, boolean sent) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> OutgoingReply.count(sent
                        ? "feedbackId = ?1 and sentAt is not null" : "feedbackId = ?1 and attempts > 0 and lastError is not null",
                        feedbackId)) == 1);
    }

    private static io.restassured.response.Response post(byte[] raw, String signature) {
        var spec = RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8)).body(raw);
        if (signature != null) {
            spec.header("X-Hub-Signature-256", signature);
        }
        return spec.when().post("/webhooks/facebook");
    }
}
