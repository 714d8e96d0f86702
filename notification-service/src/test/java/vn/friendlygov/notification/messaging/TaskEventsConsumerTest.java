package vn.friendlygov.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class TaskEventsConsumerTest {

    static final String TOPIC = "criteria.task-events.v1";

    static ProducerRecord<String, String> taskEvent(String eventId, String taskId, String ward, String unit, String title) {
        String data = "{\"taskId\":\"" + taskId + "\",\"ward\":\"" + ward + "\",\"leadUnit\":\"" + unit
                + "\",\"title\":\"" + title + "\",\"fromStatus\":\"TODO\",\"toStatus\":\"IN_PROGRESS\",\"action\":\"START\"}";
        ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, taskId, data);
        header(r, "ce_id", eventId);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/friendlygov/criteria-service");
        header(r, "ce_type", TaskEventsConsumer.STATUS_CHANGED);
        header(r, "ce_time", "2026-11-26T08:00:00Z");
        header(r, "ce_ward", ward);
        return r;
    }

    static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static long notificationsFor(String taskId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxNotification.count("subjectId", taskId));
    }

    @Test
    void theSameEventDeliveredTwiceCreatesOneNotification() {
        String taskId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(taskEvent(eventId, taskId, "phu-lien", "KT", "Công khai quy chế thực hiện dân chủ"));
        TopicProbe.send(taskEvent(eventId, taskId, "phu-lien", "KT", "Công khai quy chế thực hiện dân chủ"));
        // a later, different event on the same partition proves both copies were consumed
        String marker = UUID.randomUUID().toString();
        TopicProbe.send(taskEvent(UUID.randomUUID().toString(), taskId, "phu-lien", "KT", marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> InboxNotification.count("title like ?1", "%" + marker)) == 1);
        assertEquals(2, notificationsFor(taskId));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> InboxNotification.count("sourceEventId", eventId)));

        given().auth().oauth2(TestTokens.token("officer", "KT", "phu-lien")).when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + taskId + "' }.size()", equalTo(2))
                .body("items.find { it.subjectId == '" + taskId + "' }.title",
                        org.hamcrest.Matchers.startsWith("Nhiệm vụ chuyển sang đang thực hiện"));
        // another unit's and another ward's inbox do not show it
        given().auth().oauth2(TestTokens.token("officer", "VHXH", "phu-lien")).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.findAll { it.subjectId == '" + taskId + "' }.size()", equalTo(0));
        given().auth().oauth2(TestTokens.token("officer", "KT", "an-lu")).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.findAll { it.subjectId == '" + taskId + "' }.size()", equalTo(0));
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndConsumingGoesOn() {
        String badJson = UUID.randomUUID().toString();
        ProducerRecord<String, String> notJson = taskEvent(badJson, "t-" + badJson, "phu-lien", "VP", "x");
        notJson = new ProducerRecord<>(TOPIC, null, notJson.key(), "{not json", notJson.headers());
        TopicProbe.send(notJson);
        String noHeaders = UUID.randomUUID().toString();
        TopicProbe.send(new ProducerRecord<>(TOPIC, "t-" + noHeaders, "{\"taskId\":\"" + noHeaders + "\"}"));
        String good = UUID.randomUUID().toString();
        TopicProbe.send(taskEvent(UUID.randomUUID().toString(), good, "phu-lien", "VP", "Phòng tiếp công dân"));

        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsFor(good) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("notification.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().filter(r -> r.key() != null
                        && (r.key().endsWith(badJson) || r.key().endsWith(noHeaders))).count() == 2);
        ConsumerRecord<String, String> parse = dead.stream().filter(r -> r.key().endsWith(badJson)).findFirst().orElseThrow();
        assertTrue(reason(parse).contains("not JSON"), reason(parse));
        ConsumerRecord<String, String> missing = dead.stream().filter(r -> r.key().endsWith(noHeaders)).findFirst().orElseThrow();
        assertTrue(reason(missing).contains("missing header ce_id"), reason(missing));
        assertEquals(0, notificationsFor("t-" + badJson));
    }

    @Test
    void theInboxNeedsAToken() {
        given().when().get("/api/v1/inbox").then().statusCode(401).contentType("application/problem+json");
    }

    private static String reason(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
