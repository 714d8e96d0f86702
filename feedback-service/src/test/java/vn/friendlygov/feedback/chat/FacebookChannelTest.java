package vn.friendlygov.feedback.chat;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

    private static io.restassured.response.Response post(byte[] raw, String signature) {
        var spec = RestAssured.given().contentType(ContentType.JSON.withCharset(StandardCharsets.UTF_8)).body(raw);
        if (signature != null) {
            spec.header("X-Hub-Signature-256", signature);
        }
        return spec.when().post("/webhooks/facebook");
    }
}
