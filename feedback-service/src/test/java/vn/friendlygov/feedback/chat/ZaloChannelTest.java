package vn.friendlygov.feedback.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackMessage;

@QuarkusTest
class ZaloChannelTest {

    static final String APP_ID = "test-app-id-not-real";
    static final String OA_SECRET = "test-oa-secret-not-real";

    static String event(String name, String sender, String msgId, String messageJson, long timestamp) {
        return "{\"app_id\":\"" + APP_ID + "\",\"user_id_by_app\":\"u-app\",\"event_name\":\"" + name + "\","
                + "\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"test-oa-id-not-real\"},"
                + "\"message\":{\"msg_id\":\"" + msgId + "\"" + messageJson + "},\"timestamp\":\"" + timestamp + "\"}";
    }

    static String mac(String body, long timestamp) {
        return "mac=" + Signatures.zalo(APP_ID, body.getBytes(StandardCharsets.UTF_8), String.valueOf(timestamp),
                OA_SECRET);
    }

    static io.restassured.response.Response send(String body, String signature) {
        var spec = RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            spec.header("X-ZEvent-Signature", signature);
        }
        return spec.when().post("/webhooks/zalo");
    }

    @Test
    void signedMessagesBecomeOneCaseAndTheAnswerGoesBackThroughTheOa() {
        String sender = "zalo-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        String text = event("user_send_text", sender, "msg-" + UUID.randomUUID(),
                ",\"text\":\"Đường vào thôn Tây ngập sâu sau mưa\"", now);

        long before = feedbackRows();
        // unsigned, wrongly signed, signed but stale: all refused, nothing written
        send(text, null).then().statusCode(401).contentType("application/problem+json");
        send(text, "mac=" + "0".repeat(64)).then().statusCode(401);
        long old = now - Duration.ofMinutes(30).toMillis();
        String stale = event("user_send_text", sender, "msg-" + UUID.randomUUID(), ",\"text\":\"cũ\"", old);
        send(stale, mac(stale, old)).then().statusCode(401);
        // a body changed after signing
        send(text.replace("ngập sâu", "khô ráo"), mac(text, now)).then().statusCode(401);
        assertEquals(before, feedbackRows());

        String code = send(text, mac(text, now)).then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(true)).extract().path("trackingCode");
        // Zalo retries the same event: taken once
        send(text, mac(text, now)).then().statusCode(200).body("duplicate", org.hamcrest.Matchers.equalTo(true));
        // a photo from the same person joins the open case
        String image = event("user_send_image", sender, "msg-" + UUID.randomUUID(),
                ",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\"https://zalo.example/anh.jpg\","
                        + "\"thumbnail\":\"https://zalo.example/t.jpg\"}}]", now);
        String same = send(image, mac(image, now)).then().statusCode(200).extract().path("trackingCode");
        assertEquals(code, same);
        assertEquals(before + 1, feedbackRows());

        Feedback f = Clients.byCode(code);
        assertEquals("ZALO", f.channel.name());
        assertEquals("Đường vào thôn Tây ngập sâu sau mưa", f.content);
        assertEquals(sender, f.channelUserId);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() ->
                FeedbackMessage.count("feedbackId = ?1 and kind = 'IMAGE'", f.id)));

        // the answer: tokens refreshed with the app secret, the message sent with the access token
        ZaloServer.server.stubFor(post(urlEqualTo("/v4/oa/access_token"))
                .withHeader("secret_key", equalTo("test-app-secret-not-real"))
                .withRequestBody(containing("refresh_token=test-refresh-token-1"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("app_id=" + APP_ID))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\":\"AT-1\",\"refresh_token\":\"test-refresh-token-2\",\"expires_in\":\"90000\"}")));
        ZaloServer.server.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo("AT-1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\",\"user_id\":\"" + sender + "\"}}")));
        Clients.officer("KT").contentType(ContentType.JSON)
                .body(Map.of("unit", "KT")).when().post("/api/v1/staff/feedback/" + f.id + "/assign")
                .then().statusCode(403); // an officer cannot route an unassigned case to themselves
        Clients.leader().contentType(ContentType.JSON).body(Map.of("unit", "KT"))
                .when().post("/api/v1/staff/feedback/" + f.id + "/assign").then().statusCode(200);
        Clients.officer("KT").contentType(ContentType.JSON)
                .body(Map.of("answer", "Phường đã cử tổ công tác khơi thông cống thôn Tây."))
                .when().post("/api/v1/staff/feedback/" + f.id + "/answer").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutgoingReply.count("feedbackId = ?1 and sentAt is not null", f.id)) == 1);
        ZaloServer.server.verify(1, postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                .withHeader("access_token", equalTo("AT-1"))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo(sender)))
                .withRequestBody(matchingJsonPath("$.message.text",
                        containing("Phường đã cử tổ công tác khơi thông cống thôn Tây."))));

        // Zalo rejects the token: refreshed once with the rotated refresh token, then the reply goes out
        ZaloServer.server.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo("AT-1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
        ZaloServer.server.stubFor(post(urlEqualTo("/v4/oa/access_token"))
                .withRequestBody(containing("refresh_token=test-refresh-token-2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\":\"AT-2\",\"refresh_token\":\"test-refresh-token-3\",\"expires_in\":\"90000\"}")));
        ZaloServer.server.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo("AT-2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":0,\"message\":\"Success\"}")));
        String second = "zalo-" + UUID.randomUUID();
        String msg = event("user_send_text", second, "msg-" + UUID.randomUUID(), ",\"text\":\"Xin hỏi giờ làm việc\"", now);
        String code2 = send(msg, mac(msg, now)).then().statusCode(200).extract().path("trackingCode");
        Feedback f2 = Clients.byCode(code2);
        Clients.leader().contentType(ContentType.JSON).body(Map.of("unit", "VP"))
                .when().post("/api/v1/staff/feedback/" + f2.id + "/assign").then().statusCode(200);
        Clients.officer("VP").contentType(ContentType.JSON).body(Map.of("answer", "Từ 7 giờ 30 đến 17 giờ."))
                .when().post("/api/v1/staff/feedback/" + f2.id + "/answer").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutgoingReply.count("feedbackId = ?1 and sentAt is not null", f2.id)) == 1);
        ZaloServer.server.verify(1, postRequestedFor(urlEqualTo("/v4/oa/access_token"))
                .withRequestBody(containing("refresh_token=test-refresh-token-2")));
        ZaloServer.server.verify(postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                .withHeader("access_token", equalTo("AT-2"))
                .withRequestBody(equalToJson("{\"recipient\":{\"user_id\":\"" + second + "\"},"
                        + "\"message\":{\"text\":\"Trả lời phản ánh " + code2 + ":\\nTừ 7 giờ 30 đến 17 giờ.\"}}")));
        assertTrue(QuarkusTransaction.requiringNew().call(() ->
                ((ZaloToken) Feedback.getEntityManager().find(ZaloToken.class, "test-oa-id-not-real")).refreshToken
                        .equals("test-refresh-token-3")));
    }

    @Test
    void eventsThatAreNotMessagesAreAcknowledgedAndIgnored() {
        long now = System.currentTimeMillis();
        String follow = "{\"app_id\":\"" + APP_ID + "\",\"event_name\":\"follow\",\"follower\":{\"id\":\"x\"},"
                + "\"timestamp\":\"" + now + "\"}";
        long before = feedbackRows();
        send(follow, mac(follow, now)).then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(false));
        send("{not json", "mac=abc").then().statusCode(400);
        assertEquals(before, feedbackRows());
    }
}
