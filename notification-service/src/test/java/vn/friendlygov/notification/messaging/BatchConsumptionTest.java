package vn.friendlygov.notification.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.readmodel.TaskView;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class BatchConsumptionTest {

    /**
     * Same key, so one partition and most likely one polled batch: the record the database refuses (a title longer
     * than the inbox allows) spoils the batch's transaction, the batch is redone record by record, the refused record
     * alone is dead-lettered with the database's reason, and the records around it take effect exactly once.
     */
    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAloneAndItsNeighboursTakeEffectOnce() {
        String ward = TestEvents.uniqueWard();
        String taskId = UUID.randomUUID().toString();
        String before = TestEvents.task("created", taskId, ward, "KT", "Trước", "2026-12-20", null, "TODO", 1);
        String refused = TestEvents.task("status-changed", taskId, ward, "KT", "Dài".repeat(1000), "2026-12-20", null,
                "IN_PROGRESS", 2);
        String after = TestEvents.task("status-changed", taskId, ward, "KT", "Sau", "2026-12-20", null, "SUBMITTED", 3);

        awaitTrue(() -> InboxNotification.count("sourceEventId", after) == 1);
        assertEquals(1L, tx(() -> InboxNotification.count("sourceEventId", before)));
        assertEquals(0L, tx(() -> InboxNotification.count("sourceEventId", refused)));
        assertEquals("SUBMITTED", tx(() -> ((TaskView) TaskView.findById(taskId)).status));

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("notification.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> refused.equals(header(r, "ce_id"))));
        ConsumerRecord<String, String> r = dead.stream().filter(d -> refused.equals(header(d, "ce_id"))).findFirst()
                .orElseThrow();
        assertEquals(taskId, r.key());
        assertEquals("criteria.task-events.v1", header(r, "dead-letter-topic"));
        assertTrue(header(r, "dead-letter-reason") != null && !header(r, "dead-letter-reason").isBlank());
        assertEquals(1, dead.stream().filter(d -> refused.equals(header(d, "ce_id"))).count());
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
