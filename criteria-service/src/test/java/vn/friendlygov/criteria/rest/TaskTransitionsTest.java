package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class TaskTransitionsTest {

    static final String WARD = "phu-lien";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);
    static final String OFFICER_VHXH = TestTokens.token("officer", "VHXH", WARD);

    static String createTask(String title) {
        return given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"VHXH\",\"title\":\"" + title + "\",\"dueDate\":\"2026-12-31\"}")
                .when().post("/api/v1/tasks")
                .then().statusCode(201).body("status", equalTo("TODO")).extract().path("id");
    }

    @Test
    void officerStartsOwnUnitTaskAndTheEventIsPublishedWithCloudEventHeaders() {
        String id = createTask("Công khai lịch công tác của UBND xã");

        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"action\":\"start\"}")
                .when().post("/api/v1/tasks/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).header("ETag", "\"1\"");

        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil("criteria.task-events.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> r.key().equals(id)
                        && r.value().contains("IN_PROGRESS")));
        ConsumerRecord<String, String> changed = records.stream()
                .filter(r -> r.key().equals(id) && r.value().contains("IN_PROGRESS")).findFirst().orElseThrow();
        assertEquals("vn.friendlygov.criteria.task.status-changed.v1", header(changed, "ce_type"));
        assertEquals("1.0", header(changed, "ce_specversion"));
        assertEquals("/friendlygov/criteria-service", header(changed, "ce_source"));
        assertEquals(WARD, header(changed, "ce_ward"));
        assertTrue(changed.value().contains("Công khai lịch công tác của UBND xã"), "Vietnamese text intact");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("publishedAt is null and aggregateId = ?1", id)));
    }

    @Test
    void refusedRequestsAnswerWithProblemsAndChangeNothing() {
        String id = createTask("Công khai danh mục thủ tục hành chính");
        long history = historyCount();
        long outbox = outboxCount();
        String path = "/api/v1/tasks/" + id + "/transitions";

        given().contentType(ContentType.JSON).body("{\"action\":\"start\"}")
                .when().post(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.foreignToken("officer", "VHXH", WARD)).contentType(ContentType.JSON)
                .body("{\"action\":\"start\"}").when().post(path).then().statusCode(401);
        // a reviewer may not start a task
        given().auth().oauth2(TestTokens.token("reviewer", "VHXH", WARD)).contentType(ContentType.JSON)
                .body("{\"action\":\"start\"}").when().post(path)
                .then().statusCode(403).contentType("application/problem+json");
        // an officer of another unit, and one of another ward
        given().auth().oauth2(TestTokens.token("officer", "KT", WARD)).contentType(ContentType.JSON)
                .body("{\"action\":\"start\"}").when().post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("officer", "VHXH", "an-lu")).contentType(ContentType.JSON)
                .body("{\"action\":\"start\"}").when().post(path).then().statusCode(403);
        // malformed JSON, invalid fields
        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).body("{\"action\": ")
                .when().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://friendlygov.vn/problems/malformed-json"));
        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).body("{\"action\":\"\"}")
                .when().post(path).then().statusCode(400).body("violations.field", hasItem("action"));
        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).body("{\"action\":\"fly\"}")
                .when().post(path).then().statusCode(400).body("violations.field", hasItem("action"));
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"\",\"leadUnit\":\"VHXH\",\"title\":\"\"}")
                .when().post("/api/v1/tasks").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("ward", "title"));
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"phu-lien\",\"leadUnit\":\"VHXH\",\"title\":\"x\",\"dueDate\":\"31/12/2026\"}")
                .when().post("/api/v1/tasks").then().statusCode(400).body("violations.field", hasItem("dueDate"));
        // unknown id
        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).body("{\"action\":\"start\"}")
                .when().post("/api/v1/tasks/6f1d8a1e-0000-4000-8000-000000000000/transitions")
                .then().statusCode(404).contentType("application/problem+json");
        // illegal transition (approve a task nobody submitted) and stale If-Match
        given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"approve\"}")
                .when().post(path).then().statusCode(409)
                .body("type", equalTo("https://friendlygov.vn/problems/illegal-transition"));
        given().auth().oauth2(OFFICER_VHXH).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"action\":\"start\"}").when().post(path).then().statusCode(412);

        given().auth().oauth2(OFFICER_VHXH).when().get("/api/v1/tasks/" + id)
                .then().statusCode(200).body("status", equalTo("TODO")).body("version", equalTo(0));
        assertEquals(history, historyCount());
        assertEquals(outbox, outboxCount());
    }

    @Test
    void problemTitlesFollowAcceptLanguage() {
        given().header("Accept-Language", "vi").when().get("/api/v1/tasks/6f1d8a1e-0000-4000-8000-000000000000")
                .then().statusCode(401).body("title", equalTo("Chưa xác thực"));
        given().header("Accept-Language", "en").when().get("/api/v1/tasks/6f1d8a1e-0000-4000-8000-000000000000")
                .then().statusCode(401).body("title", equalTo("Authentication required"));
    }

    private static long historyCount() {
        return QuarkusTransaction.requiringNew().call(() -> TaskHistoryEntry.count());
    }

    private static long outboxCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
