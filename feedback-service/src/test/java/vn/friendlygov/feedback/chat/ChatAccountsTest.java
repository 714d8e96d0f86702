package vn.friendlygov.feedback.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * A city runs every ward's Zalo OA and Facebook page through one webhook per channel: an admin registers each ward's
 * account, events are filed under the ward of the account they were sent to, and answers go out through the case's
 * ward's account with that account's token.
 */
@QuarkusTest
class ChatAccountsTest {

    static final String WARD = "an-lu";
    static final String FB_SECRET = "test-fb-app-secret-not-real";

    static String zaloText(String oa, String sender, String text, long timestamp) {
        return "{\"app_id\":\"" + ZaloChannelTest.APP_ID + "\",\"event_name\":\"user_send_text\","
                + "\"sender\":{\"id\":\"" + sender + "\"},\"recipient\":{\"id\":\"" + oa + "\"},"
                + "\"message\":{\"msg_id\":\"msg-" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"},"
                + "\"timestamp\":\"" + timestamp + "\"}";
    }

    static io.restassured.response.Response put(String role, String ward, String path, Map<String, Object> body) {
        return Clients.staff(role, "VP", ward).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/chat-accounts/" + path);
    }

    static Map<String, Object> body(String ward, String key, String token) {
        Map<String, Object> m = new HashMap<>();
        m.put("ward", ward);
        if (key != null) {
            m.put(key, token);
        }
        return m;
    }

    /** The ward takes feedback once it has a category (idempotent: PUT). */
    static void wardWithACategory() {
        Clients.staff("admin", "VP", WARD).contentType(ContentType.JSON)
                .body(Map.of("code", "MOI_TRUONG", "name", "Môi trường, vệ sinh", "unit", "KT", "slaDays", 5,
                        "priority", "NORMAL"))
                .when().put("/api/v1/wards/" + WARD + "/categories/MOI_TRUONG").then().statusCode(200);
    }

    static void answer(Feedback f, String text) {
        Clients.staff("leader", "VP", f.ward).contentType(ContentType.JSON).body(Map.of("unit", "KT"))
                .when().post("/api/v1/staff/feedback/" + f.id + "/assign").then().statusCode(200);
        Clients.staff("officer", "KT", f.ward).contentType(ContentType.JSON).body(Map.of("answer", text))
                .when().post("/api/v1/staff/feedback/" + f.id + "/answer").then().statusCode(200);
    }

    static void awaitSent(UUID feedbackId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutgoingReply.count("feedbackId = ?1 and sentAt is not null", feedbackId)) == 1);
    }

    static String column(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Feedback.getEntityManager()
                .createNativeQuery(sql, String.class).setParameter(1, id).getSingleResult());
    }

    /** A token written in clear (before encryption, or by a deployment without a key) is still read. */
    @Test
    void aTokenStoredInClearIsStillReadAndEncryptedWhenNextWritten() {
        String oa = "oa-clear-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Feedback.getEntityManager().createNativeQuery(
                "insert into zalo_token (oa_id, refresh_token) values (?1, 'rt-written-in-clear')")
                .setParameter(1, oa).executeUpdate());
        assertEquals("rt-written-in-clear", QuarkusTransaction.requiringNew().call(() ->
                ((ZaloToken) Feedback.getEntityManager().find(ZaloToken.class, oa)).refreshToken));
        QuarkusTransaction.requiringNew().run(() ->
                ((ZaloToken) Feedback.getEntityManager().find(ZaloToken.class, oa)).refreshToken = "rt-rotated");
        String stored = column("select refresh_token from zalo_token where oa_id = ?1", oa);
        assertTrue(stored.startsWith(SecretColumn.PREFIX) && !stored.contains("rt-rotated"), stored);
        assertEquals("rt-rotated", QuarkusTransaction.requiringNew().call(() ->
                ((ZaloToken) Feedback.getEntityManager().find(ZaloToken.class, oa)).refreshToken));
    }

    @Test
    void eachWardsZaloOaIsRegisteredByItsAdminAndCarriesThatWardsCasesBothWays() {
        String oa = "oa-" + UUID.randomUUID();
        String refresh = "rt-an-lu-" + UUID.randomUUID();
        wardWithACategory();
        long before = feedbackRows();
        // who may register: an admin of the ward, nobody else
        put("admin", "phu-lien", "ZALO/" + oa, body(WARD, "refreshToken", refresh)).then().statusCode(403)
                .contentType("application/problem+json");
        put("officer", WARD, "ZALO/" + oa, body(WARD, "refreshToken", refresh)).then().statusCode(403);
        // what is refused: an unknown channel, a malformed id, a new OA without its token, the other channel's token
        put("admin", WARD, "TELEGRAM/" + oa, body(WARD, "refreshToken", refresh)).then().statusCode(400)
                .contentType("application/problem+json");
        put("admin", WARD, "ZALO/oa%20with%20space", body(WARD, "refreshToken", refresh)).then().statusCode(400);
        put("admin", WARD, "ZALO/" + oa, body(WARD, null, null)).then().statusCode(400)
                .body("violations[0].field", Matchers.equalTo("refreshToken"));
        put("admin", WARD, "ZALO/" + oa, body(WARD, "pageAccessToken", "a-page-token-0001")).then().statusCode(400);
        put("admin", "xa-chua-co", "ZALO/" + oa, body("xa-chua-co", "refreshToken", refresh)).then().statusCode(400)
                .body("violations[0].field", Matchers.equalTo("ward"));
        RestAssured.given().when().get("/api/v1/chat-accounts?ward=" + WARD).then().statusCode(401);

        put("admin", WARD, "ZALO/" + oa, body(WARD, "refreshToken", refresh)).then().statusCode(200)
                .body("ward", Matchers.equalTo(WARD)).body("tokenHeld", Matchers.equalTo(true))
                .body("$", not(hasKey("refreshToken")));
        // one OA per ward and channel
        put("admin", WARD, "ZALO/oa-" + UUID.randomUUID(), body(WARD, "refreshToken", "rt-another-0001"))
                .then().statusCode(409);
        Clients.staff("admin", "VP", WARD).when().get("/api/v1/chat-accounts?ward=" + WARD).then().statusCode(200)
                .body("findAll { it.channel == 'ZALO' }.accountId", Matchers.contains(oa))
                .body("[0]", not(hasKey("refreshToken")));
        Clients.staff("admin", "VP", "phu-lien").when().get("/api/v1/chat-accounts?ward=" + WARD).then()
                .statusCode(403);

        // a signed message to the ward's OA is the ward's case; one to an OA nobody registered changes nothing
        long now = System.currentTimeMillis();
        String sender = "zalo-" + UUID.randomUUID();
        String event = zaloText(oa, sender, "Đèn đường tổ dân phố số 3 không sáng", now);
        String code = ZaloChannelTest.send(event, ZaloChannelTest.mac(event, now)).then().statusCode(200)
                .extract().path("trackingCode");
        String stray = zaloText("oa-nobody-" + UUID.randomUUID(), sender, "Tin nhắn lạc", now);
        ZaloChannelTest.send(stray, ZaloChannelTest.mac(stray, now)).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before + 1, feedbackRows());
        Feedback f = Clients.byCode(code);
        assertEquals(WARD, f.ward);
        assertEquals("Đèn đường tổ dân phố số 3 không sáng", f.content);

        // the answer goes out through the ward's OA, with a token refreshed from the refresh token it was registered with
        ZaloServer.server.stubFor(post(urlEqualTo("/v4/oa/access_token"))
                .withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\":\"AT-AN-LU\",\"refresh_token\":\"" + refresh + "-2\",\"expires_in\":\"90000\"}")));
        ZaloServer.server.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo("AT-AN-LU"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":0,\"message\":\"Success\"}")));
        answer(f, "Phường đã báo điện lực thay bóng đèn.");
        awaitSent(f.id);
        ZaloServer.server.verify(1, postRequestedFor(urlEqualTo("/v3.0/oa/message/cs"))
                .withHeader("access_token", equalTo("AT-AN-LU"))
                .withRequestBody(matchingJsonPath("$.recipient.user_id", equalTo(sender))));
        assertEquals(refresh + "-2", QuarkusTransaction.requiringNew().call(() ->
                ((ZaloToken) Feedback.getEntityManager().find(ZaloToken.class, oa)).refreshToken));
        // both Zalo tokens are encrypted at rest
        String storedRefresh = column("select refresh_token from zalo_token where oa_id = ?1", oa);
        String storedAccess = column("select access_token from zalo_token where oa_id = ?1", oa);
        assertTrue(storedRefresh.startsWith(SecretColumn.PREFIX) && !storedRefresh.contains(refresh), storedRefresh);
        assertTrue(storedAccess.startsWith(SecretColumn.PREFIX) && !storedAccess.contains("AT-AN-LU"), storedAccess);

        // removed: the OA's messages are no longer taken
        Clients.staff("admin", "VP", "phu-lien").when().delete("/api/v1/chat-accounts/ZALO/" + oa).then()
                .statusCode(403);
        Clients.staff("admin", "VP", WARD).when().delete("/api/v1/chat-accounts/ZALO/" + oa).then().statusCode(204);
        long at = System.currentTimeMillis();
        String late = zaloText(oa, sender, "Sau khi gỡ", at);
        ZaloChannelTest.send(late, ZaloChannelTest.mac(late, at)).then().statusCode(404);
        assertEquals(before + 1, feedbackRows());
    }

    @Test
    void eachWardsFacebookPageFilesItsMessagesAndAnswersWithItsOwnToken() {
        String page = "page-" + UUID.randomUUID();
        String token = "PAT-an-lu-" + UUID.randomUUID();
        wardWithACategory();
        put("admin", WARD, "FACEBOOK/" + page, body(WARD, "refreshToken", "rt-not-for-facebook")).then()
                .statusCode(400);
        put("admin", WARD, "FACEBOOK/" + page, body(WARD, "pageAccessToken", token)).then().statusCode(200)
                .body("tokenHeld", Matchers.equalTo(true)).body("$", not(hasKey("pageAccessToken")));

        String psid = "psid-" + UUID.randomUUID();
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":1764140000000,\"messaging\":[{"
                + "\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + page + "\"},"
                + "\"timestamp\":1764140000000,\"message\":{\"mid\":\"m_" + UUID.randomUUID()
                + "\",\"text\":\"Rác ở chợ An Lư chưa được thu gom\"}}]}]}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        RestAssured.given().contentType(ContentType.JSON).header("X-Hub-Signature-256", Signatures.facebook(FB_SECRET, raw))
                .body(raw).when().post("/webhooks/facebook").then().statusCode(200);
        Feedback f = QuarkusTransaction.requiringNew().call(() ->
                Feedback.<Feedback>find("channelUserId", psid).singleResult());
        assertEquals(WARD, f.ward);
        // the page token is encrypted at rest
        String stored = column("select page_access_token from chat_account where account_id = ?1", page);
        assertTrue(stored.startsWith(SecretColumn.PREFIX) && !stored.contains(token), stored);

        ZaloServer.server.stubFor(post(urlPathEqualTo("/v21.0/me/messages"))
                .withQueryParam("access_token", equalTo(token))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_an_lu\"}")));
        answer(f, "Phường đã yêu cầu tổ thu gom xử lý trong ngày.");
        awaitSent(f.id);
        ZaloServer.server.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/me/messages"))
                .withQueryParam("access_token", equalTo(token))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid))));
    }
}
