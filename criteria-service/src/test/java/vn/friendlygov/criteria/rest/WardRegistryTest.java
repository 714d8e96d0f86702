package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.criteria.ward.Ward;
import vn.friendlygov.criteria.ward.WardHistoryEntry;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class WardRegistryTest {

    static final String CITY_ADMIN = TestTokens.token("admin", null, null);
    static final ObjectMapper JSON = new ObjectMapper();

    static io.restassured.response.ValidatableResponse put(String token, String code, String body, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/wards/" + code).then();
    }

    @Test
    void aRegisteredCommuneIsPublishedAndReadByItsOwnPeople() throws Exception {
        // typed with combining marks: stored and published precomposed
        put(CITY_ADMIN, "tan-tien", "{\"kind\":\"XA\",\"name\":\"Ta\u0302n Tie\u0302\u0301n\","
                + "\"province\":\"Thành phố Hải Phòng\",\"address\":\"Thôn Đông, xã Tân Tiến\","
                + "\"phone\":\"0225 3871 234\",\"email\":\"ubnd.tantien@haiphong.gov.vn\"}", null)
                .statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("Tân Tiến")).body("displayName", equalTo("Xã Tân Tiến"))
                .body("kindLabel", equalTo("Xã")).body("updatedBy", equalTo("admin-null@null"));

        given().auth().oauth2(TestTokens.token("officer", "VP", "tan-tien")).when().get("/api/v1/wards/tan-tien")
                .then().statusCode(200).header("ETag", "\"0\"").body("kind", equalTo("XA"))
                .body("address", equalTo("Thôn Đông, xã Tân Tiến"));
        given().auth().oauth2(TestTokens.token("officer", "VP", "tan-tien")).when().get("/api/v1/wards")
                .then().statusCode(200).body("code", equalTo(List.of("tan-tien")));

        List<ConsumerRecord<String, String>> seen = TopicProbe.readUntil("criteria.ward-events.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> "tan-tien".equals(r.key())));
        ConsumerRecord<String, String> event = seen.stream().filter(r -> "tan-tien".equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no ward event for tan-tien"));
        assertEquals("vn.friendlygov.criteria.ward.updated.v1",
                new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        JsonNode data = JSON.readTree(event.value());
        assertEquals("XA", data.path("kind").asText());
        assertEquals("Tân Tiến", data.path("name").asText());
        assertEquals(0, data.path("version").asLong());
    }

    @Test
    void changesAreVersionedAndKeptAndAStaleOneIsRefused() {
        String body = "{\"kind\":\"PHUONG\",\"name\":\"Phù Liễn\",\"address\":\"Số 1 đường Phù Liễn\"}";
        put(CITY_ADMIN, "phu-lien-registry", body, null).statusCode(201).header("ETag", "\"0\"");
        long outbox = outboxCount();

        put(CITY_ADMIN, "phu-lien-registry", body, null).statusCode(200).header("ETag", "\"0\"");
        assertEquals(outbox, outboxCount(), "a PUT that changes nothing publishes nothing");

        String moved = "{\"kind\":\"PHUONG\",\"name\":\"Phù Liễn\",\"address\":\"Số 9 đường Trần Thành Ngọ\"}";
        put(CITY_ADMIN, "phu-lien-registry", moved, "\"7\"").statusCode(412)
                .contentType("application/problem+json");
        assertEquals("Số 1 đường Phù Liễn", ward("phu-lien-registry").address);

        put(TestTokens.token("admin", null, "phu-lien-registry"), "phu-lien-registry", moved, "\"0\"")
                .statusCode(200).header("ETag", "\"1\"").body("address", equalTo("Số 9 đường Trần Thành Ngọ"))
                .body("updatedBy", equalTo("admin-null@phu-lien-registry"));
        assertEquals(outbox + 1, outboxCount());

        given().auth().oauth2(TestTokens.token("leader", "VP", "phu-lien-registry")).when()
                .get("/api/v1/wards/phu-lien-registry/history").then().statusCode(200)
                .body("version", equalTo(List.of(0, 1)))
                .body("profile.address", equalTo(List.of("Số 1 đường Phù Liễn", "Số 9 đường Trần Thành Ngọ")))
                .body("changedBy", equalTo(List.of("admin-null@null", "admin-null@phu-lien-registry")));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long wards = wardCount();
        long outbox = outboxCount();
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"HUYEN\",\"name\":\"Kiến An\"}", null).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("kind"));
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"XA\",\"name\":\"Xã Tân Tiến\"}", null).statusCode(400)
                .body("violations.field", hasItem("name"));
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"XA\",\"name\":\"<b>Tân Tiến</b>\"}", null).statusCode(400)
                .body("violations.field", hasItem("name"));
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"XA\",\"name\":\"Tân Tiến\",\"email\":\"not an address\"}", null)
                .statusCode(400).body("violations.field", hasItem("email"));
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"XA\"}", null).statusCode(400).body("violations.field", hasItem("name"));
        put(CITY_ADMIN, "Bad_Ward", "{\"kind\":\"XA\",\"name\":\"Tân Tiến\"}", null).statusCode(400);
        put(CITY_ADMIN, "bad-ward", "{\"kind\":", null).statusCode(400).contentType("application/problem+json");
        put(CITY_ADMIN, "bad-ward", "{\"kind\":\"XA\",\"name\":\"Tân Tiến\"}", "\"0\"").statusCode(412);
        assertEquals(wards, wardCount());
        assertEquals(outbox, outboxCount());
    }

    @Test
    void onlyAdminsOfTheCityOrOfTheWardItselfMayChangeIt() {
        String body = "{\"kind\":\"XA\",\"name\":\"An Hưng\"}";
        put(TestTokens.token("leader", "VP", "an-hung"), "an-hung", body, null).statusCode(403);
        put(TestTokens.token("officer", "VP", "an-hung"), "an-hung", body, null).statusCode(403);
        put(TestTokens.token("admin", null, "other-ward"), "an-hung", body, null).statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/wards/an-hung").then().statusCode(401);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Ward.findById("an-hung")) == null);

        put(TestTokens.token("admin", null, "an-hung"), "an-hung", body, null).statusCode(201);
        given().auth().oauth2(TestTokens.token("officer", "VP", "other-ward")).when().get("/api/v1/wards/an-hung")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("officer", "VP", "other-ward")).when().get("/api/v1/wards")
                .then().statusCode(200).body("code", equalTo(List.of()));
        given().auth().oauth2(TestTokens.token("officer", "VP", "an-hung")).when().get("/api/v1/wards/an-hung/history")
                .then().statusCode(403);
        given().auth().oauth2(CITY_ADMIN).when().get("/api/v1/wards").then().statusCode(200)
                .body("code", hasItem("an-hung"));
        given().auth().oauth2(CITY_ADMIN).when().get("/api/v1/wards/nowhere").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void twoFirstRegistrationsAtOnceMakeOneWardAndTwoVersions() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : List.of("Nam Sơn", "Bắc Sơn")) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return put(CITY_ADMIN, "son-registry", "{\"kind\":\"XA\",\"name\":\"" + name + "\"}", null)
                            .extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var a : answers) {
                codes.add(a.get());
            }
            codes.sort(null);
            assertEquals(List.of(200, 201), codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, ward("son-registry").version);
        assertEquals(2L, QuarkusTransaction.requiringNew()
                .call(() -> WardHistoryEntry.count("wardCode", "son-registry")));
    }

    private static Ward ward(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Ward.findById(code));
    }

    private static long wardCount() {
        return QuarkusTransaction.requiringNew().call(() -> Ward.count() + WardHistoryEntry.count());
    }

    private static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
