package vn.friendlygov.evidence.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class RevisionReviewTest {

    static String submit(Task task) {
        return Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Quyết định khen thưởng")
                .multiPart("files", "Quyết định.pdf", Fixtures.pdf("qđ " + task.id), "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRevisionKeepsTheHistoryAndGoesBackToReview() {
        Task task = new Task().publish();
        String id = submit(task);
        Fixtures.as("reviewer", null).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "Thiếu chữ ký của Chủ tịch"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(200)
                .body("state", equalTo("REJECTED"));

        String etag = Fixtures.as("officer", "VHXH").when().get("/api/v1/evidence/" + id).then().extract().header("ETag");
        Fixtures.as("officer", "VHXH").header("If-Match", etag).multiPart("note", "Bản có chữ ký", "text/plain; charset=UTF-8")
                .multiPart("files", "Quyết định (đã ký).pdf", Fixtures.pdf("qđ ký " + task.id), "application/pdf")
                .when().post("/api/v1/evidence/" + id + "/revisions").then().statusCode(200)
                .body("revision", equalTo(2))
                .body("state", equalTo("SUBMITTED"))
                .body("files", hasSize(1))
                .body("files[0].fileName", equalTo("Quyết định (đã ký).pdf"))
                .body("allFiles", hasSize(2))
                .body("allFiles.find { it.revision == 1 }.fileName", equalTo("Quyết định.pdf"))
                .body("history.action", equalTo(List.of("SUBMITTED", "REJECTED", "REVISED")))
                .body("history[1].reason", equalTo("Thiếu chữ ký của Chủ tịch"))
                .body("history[2].reason", equalTo("Bản có chữ ký"));
        // the first revision's file is still downloadable
        String oldHref = Fixtures.as("leader", null).when().get("/api/v1/evidence/" + id).then()
                .extract().path("allFiles.find { it.revision == 1 }.href");
        Fixtures.as("leader", null).when().get(oldHref).then().statusCode(200);

        // an If-Match that is no ETag of ours can never match: 412, nothing changes (common's IfMatch)
        Fixtures.as("reviewer", null).header("If-Match", "\"not-a-version\"").contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(412)
                .contentType("application/problem+json");
        // also on a revision, refused before its body is read
        Fixtures.as("officer", "VHXH").header("If-Match", "W/\"x\"")
                .multiPart("files", "z.pdf", Fixtures.pdf("z " + task.id), "application/pdf")
                .when().post("/api/v1/evidence/" + id + "/revisions").then().statusCode(412)
                .contentType("application/problem+json");
        // a stale ETag is refused and changes nothing
        Fixtures.as("reviewer", null).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(412)
                .contentType("application/problem+json");
        Fixtures.as("reviewer", null).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        // reviewed evidence is not reviewed again
        Fixtures.as("reviewer", null).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "reason", "x"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(409);

        List<ConsumerRecord<String, String>> events = TopicProbe.readUntil("evidence.evidence-events.v1",
                Duration.ofSeconds(30), rs -> types(rs, id).size() == 4);
        assertEquals(List.of("vn.friendlygov.evidence.evidence.submitted.v1", "vn.friendlygov.evidence.evidence.reviewed.v1",
                "vn.friendlygov.evidence.evidence.revised.v1", "vn.friendlygov.evidence.evidence.reviewed.v1"),
                types(events, id));
        String rejected = events.stream().filter(r -> id.equals(r.key())).toList().get(1).value();
        assertTrue(rejected.contains("\"state\":\"REJECTED\"") && rejected.contains("\"reason\":\"Thiếu chữ ký của Chủ tịch\""),
                rejected);
    }

    @Test
    void reviewRulesAreEnforced() {
        Task task = new Task().publish();
        String id = submit(task);
        Fixtures.as("reviewer", null).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Fixtures.as("reviewer", null).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(400)
                .body("violations[0].field", equalTo("decision"));
        Fixtures.as("officer", "VHXH").contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(vn.friendlygov.testsupport.TestTokens.token("reviewer", null, "an-lu"))
                .contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(403);
        // another unit may not revise this unit's evidence, even on a task it coordinates
        Fixtures.as("officer", "KT").multiPart("files", "x.pdf", Fixtures.pdf("kt " + task.id), "application/pdf")
                .when().post("/api/v1/evidence/" + id + "/revisions").then().statusCode(403);
        Fixtures.as("officer", "VHXH").when().get("/api/v1/evidence/" + id).then()
                .body("state", equalTo("SUBMITTED")).body("revision", equalTo(1)).body("history", hasSize(1));
    }

    @Test
    void withdrawalKeepsTheRecordWithWhoAndWhy() {
        Task task = new Task().publish();
        String id = submit(task);
        Fixtures.as("officer", "VHXH").contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Fixtures.as("officer", "KT").contentType(ContentType.JSON).body(Map.of("reason", "nhầm"))
                .when().post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(403);
        Fixtures.as("officer", "VHXH").contentType(ContentType.JSON).body(Map.of("reason", "Tải nhầm tệp của nhiệm vụ khác"))
                .when().post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("withdrawnBy", equalTo("officer-VHXH@phu-lien"))
                .body("withdrawnReason", equalTo("Tải nhầm tệp của nhiệm vụ khác"))
                .body("files", hasSize(1))
                .body("history.action", equalTo(List.of("SUBMITTED", "WITHDRAWN")));
        // the record and its file stay readable; it cannot be withdrawn, revised or reviewed again
        String href = Fixtures.as("officer", "VHXH").when().get("/api/v1/evidence/" + id).then().statusCode(200)
                .extract().path("files[0].href");
        Fixtures.as("officer", "VHXH").when().get(href).then().statusCode(200);
        Fixtures.as("leader", null).contentType(ContentType.JSON).body(Map.of("reason", "lần nữa"))
                .when().post("/api/v1/evidence/" + id + "/withdraw").then().statusCode(409);
        Fixtures.as("officer", "VHXH").multiPart("files", "y.pdf", Fixtures.pdf("y " + task.id), "application/pdf")
                .when().post("/api/v1/evidence/" + id + "/revisions").then().statusCode(409);
        Fixtures.as("reviewer", null).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/v1/evidence/" + id + "/review").then().statusCode(409);
        assertEquals(1, Fixtures.evidenceCount(task.id));

        List<ConsumerRecord<String, String>> events = TopicProbe.readUntil("evidence.evidence-events.v1",
                Duration.ofSeconds(30), rs -> types(rs, id).size() == 2);
        assertEquals("vn.friendlygov.evidence.evidence.withdrawn.v1", types(events, id).get(1));
    }

    static List<String> types(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> EvidenceUploadTest.header(r, "ce_type")).toList();
    }
}
