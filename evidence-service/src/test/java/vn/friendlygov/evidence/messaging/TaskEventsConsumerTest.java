package vn.friendlygov.evidence.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.task.TaskView;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class TaskEventsConsumerTest {

    static final String STATUS_CHANGED = "vn.friendlygov.criteria.task.status-changed.v1";
    static final String UPDATED = "vn.friendlygov.criteria.task.updated.v1";

    static TaskView view(String id) {
        return QuarkusTransaction.requiringNew().call(() -> TaskView.findById(id));
    }

    @Test
    void aCreatedTaskIsReadWithItsUnitsAndPeriod() {
        Task task = new Task();
        task.coordinatingUnits = List.of("KT", "CA");
        task.title = "Niêm yết công khai thủ tục hành chính";
        task.publish();
        TaskView v = view(task.id);
        assertEquals(Fixtures.WARD, v.ward);
        assertEquals("VHXH", v.leadUnit);
        assertEquals(List.of("KT", "CA"), v.coordinatingUnitList());
        assertEquals(LocalDate.of(2026, 1, 1), v.periodStart);
        assertEquals(LocalDate.of(2026, 3, 31), v.periodEnd);
        assertEquals(task.itemId, v.itemId);
        assertEquals("Niêm yết công khai thủ tục hành chính", v.title);
        assertEquals("TODO", v.status);
        assertTrue(v.involves("CA") && v.involves("VHXH") && !v.involves("VP"));
    }

    @Test
    void eventsWithoutTheNewerFieldsAreStillRead() {
        String id = UUID.randomUUID().toString();
        // the schema before criteria-service added coordinatingUnits, periodStart and periodEnd
        String old = "{\"taskId\":\"" + id + "\",\"ward\":\"phu-lien\",\"leadUnit\":\"VP\",\"title\":\"Họp giao ban\","
                + "\"dueDate\":\"2026-02-27\",\"fromStatus\":\"TODO\",\"toStatus\":\"IN_PROGRESS\",\"action\":\"START\","
                + "\"version\":2,\"somethingNew\":{\"x\":1}}";
        TopicProbe.send(Fixtures.event(UUID.randomUUID().toString(), STATUS_CHANGED, old));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(id) != null);
        TaskView v = view(id);
        assertEquals("VP", v.leadUnit);
        assertEquals(List.of(), v.coordinatingUnitList());
        assertNull(v.periodStart);
        assertEquals("IN_PROGRESS", v.status);
        assertEquals(LocalDate.of(2026, 2, 27), v.dueDate);
    }

    @Test
    void anOlderVersionArrivingLateOrTwiceChangesNothing() {
        Task task = new Task().publish();
        task.version = 3;
        task.title = "Tiêu đề mới sau khi nhập lại kế hoạch";
        task.coordinatingUnits = List.of("VP");
        String newer = UUID.randomUUID().toString();
        TopicProbe.send(Fixtures.event(newer, UPDATED, task.json()));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(task.id).version == 3);

        task.version = 2;
        task.title = "Tiêu đề cũ";
        TopicProbe.send(Fixtures.event(UUID.randomUUID().toString(), UPDATED, task.json()));
        // the same newer event delivered again, then a marker task with the same key (same partition, so consumed
        // after them) proves both were consumed
        TopicProbe.send(Fixtures.event(newer, UPDATED, task.json()));
        Task marker = new Task();
        TopicProbe.send(Fixtures.event(task.id, UUID.randomUUID().toString(), Fixtures.CREATED, marker.json()));
        await().atMost(Duration.ofSeconds(30)).until(() -> view(marker.id) != null);

        TaskView v = view(task.id);
        assertEquals(3L, v.version);
        assertEquals("Tiêu đề mới sau khi nhập lại kế hoạch", v.title);
        assertEquals(List.of("VP"), v.coordinatingUnitList());
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndConsumingGoesOn() {
        String badJson = UUID.randomUUID().toString();
        ProducerRecord<String, String> notJson = Fixtures.event(badJson, Fixtures.CREATED, "{not json");
        notJson = new ProducerRecord<>(notJson.topic(), null, "k-" + badJson, "{not json", notJson.headers());
        TopicProbe.send(notJson);
        String noUnit = UUID.randomUUID().toString();
        ProducerRecord<String, String> lacking = Fixtures.event(UUID.randomUUID().toString(), Fixtures.CREATED,
                "{\"taskId\":\"" + noUnit + "\",\"ward\":\"phu-lien\",\"title\":\"x\"}");
        TopicProbe.send(lacking);
        Task good = new Task().publish();

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("evidence.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().filter(r -> r.key() != null
                        && (r.key().equals("k-" + badJson) || r.key().equals(noUnit))).count() == 2);
        ConsumerRecord<String, String> parse = dead.stream().filter(r -> ("k-" + badJson).equals(r.key())).findFirst().orElseThrow();
        assertTrue(reason(parse).contains("not JSON"), reason(parse));
        ConsumerRecord<String, String> missing = dead.stream().filter(r -> noUnit.equals(r.key())).findFirst().orElseThrow();
        assertTrue(reason(missing).contains("lacks taskId, ward or leadUnit"), reason(missing));
        assertNull(view(noUnit));
        assertEquals("VHXH", view(good.id).leadUnit);
    }

    private static String reason(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
