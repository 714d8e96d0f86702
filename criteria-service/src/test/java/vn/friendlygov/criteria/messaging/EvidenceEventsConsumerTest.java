package vn.friendlygov.criteria.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class EvidenceEventsConsumerTest {

    static final String TOPIC = "evidence.evidence-events.v1";
    static final String WARD = "evidence-ward";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);

    static String create() {
        return given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"TTPVHCC\",\"title\":\"Có camera giám sát\"}")
                .when().post("/api/v1/tasks").then().statusCode(201).extract().path("id");
    }

    static void send(String eventId, String kind, String evidenceId, String taskId, String ward, String state) {
        TopicProbe.send(Records.event(TOPIC, evidenceId, eventId, "vn.friendlygov.evidence.evidence." + kind + ".v1",
                ward, "{\"evidenceId\":\"" + evidenceId + "\",\"taskId\":\"" + taskId + "\",\"ward\":\"" + ward
                        + "\",\"unit\":\"TTPVHCC\",\"kind\":\"PHOTO\",\"title\":\"Ảnh camera\",\"revision\":1,"
                        + "\"state\":\"" + state + "\",\"actor\":\"officer-TTPVHCC@" + ward + "\"}"));
    }

    static TaskOccurrence task(String id) {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.findById(UUID.fromString(id)));
    }

    @Test
    void submittedEvidenceStartsATodoTaskAndIsCountedOnce() {
        String id = create();
        String first = UUID.randomUUID().toString();
        String e1 = UUID.randomUUID().toString();
        send(e1, "submitted", first, id, WARD, "SUBMITTED");
        send(e1, "submitted", first, id, WARD, "SUBMITTED"); // redelivery
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).evidenceCount == 1);
        assertEquals("IN_PROGRESS", task(id).status.name());

        String second = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), "submitted", second, id, WARD, "SUBMITTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).evidenceCount == 2);
        assertEquals("IN_PROGRESS", task(id).status.name(), "already started: stays");
        send(UUID.randomUUID().toString(), "withdrawn", first, id, WARD, "WITHDRAWN");
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).evidenceCount == 1);

        given().auth().oauth2(LEADER).when().get("/api/v1/tasks/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATE", "EVIDENCE", "EVIDENCE", "EVIDENCE")))
                .body("[1].fromStatus", equalTo("TODO")).body("[1].toStatus", equalTo("IN_PROGRESS"))
                .body("[1].actor", equalTo("evidence-service:officer-TTPVHCC@" + WARD));
        given().auth().oauth2(LEADER).when().get("/api/v1/tasks/" + id).then().body("evidenceCount", equalTo(1));
    }

    @Test
    void eventsThatCanNeverBeProcessedGoToTheDeadLetterTopic() {
        String unknownTask = UUID.randomUUID().toString();
        String ev1 = "ev-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), "submitted", ev1, unknownTask, WARD, "SUBMITTED");
        String id = create();
        String ev2 = "ev-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), "submitted", ev2, id, "another-ward", "SUBMITTED");
        String ev3 = "ev-" + UUID.randomUUID();
        TopicProbe.send(Records.event(TOPIC, ev3, UUID.randomUUID().toString(),
                "vn.friendlygov.evidence.evidence.submitted.v1", WARD, "{\"evidenceId\":\"" + ev3 + "\"}"));
        // a good event after the bad ones is still processed
        String good = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), "submitted", good, id, WARD, "SUBMITTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> task(id).evidenceCount == 1);

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("criteria.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().filter(r -> List.of(ev1, ev2, ev3).contains(r.key()))
                        .count() == 3);
        assertTrue(reason(dead, ev1).contains("no task " + unknownTask), reason(dead, ev1));
        assertTrue(reason(dead, ev2).contains("in ward another-ward"), reason(dead, ev2));
        assertTrue(reason(dead, ev3).contains("lacks evidenceId, taskId, ward or state"), reason(dead, ev3));
        assertEquals("TODO".equals(task(id).status.name()), false);
    }

    static String reason(List<ConsumerRecord<String, String>> dead, String key) {
        return dead.stream().filter(r -> key.equals(r.key())).findFirst().map(Records::deadLetterReason).orElse("");
    }
}
