package vn.friendlygov.evidence.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.messaging.RetryTransientFailures;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.evidence.task.TaskView;

/**
 * Keeps the task read model from {@code criteria.task-events.v1}. Every task event carries the whole task, so each
 * one upserts it; an event older than the stored version (by the producer's {@code version}) changes nothing.
 * Idempotent by event id; a malformed event is nacked and goes to {@code evidence.dead-letter.v1}.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    static final String CONSUMER = "evidence.task-events";
    static final Set<String> TYPES = Set.of(
            "vn.friendlygov.criteria.task.created.v1",
            "vn.friendlygov.criteria.task.status-changed.v1",
            "vn.friendlygov.criteria.task.updated.v1",
            "vn.friendlygov.criteria.task.overdue.v1");

    private final EventReader reader;
    private final ProcessedEvents processed;

    public TaskEventsConsumer(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @Incoming("task-events")
    @Blocking
    @RetryTransientFailures
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!TYPES.contains(event.type())) {
            return; // a type added later by the producer: nothing this read model needs
        }
        TaskEventData data = reader.data(event, TaskEventData.class);
        if (blank(data.taskId()) || blank(data.ward()) || blank(data.leadUnit())) {
            throw new MalformedEventException("event " + event.id() + " lacks taskId, ward or leadUnit");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        TaskView task = TaskView.findById(data.taskId());
        if (task == null) {
            task = new TaskView();
            task.taskId = data.taskId();
        } else if (task.version != null && data.version() != null && data.version() < task.version) {
            return; // redelivered out of order: the stored state is newer
        }
        task.ward = data.ward();
        task.planCode = data.planCode();
        task.itemId = data.itemId();
        task.criterionCode = data.criterionCode();
        task.title = VietnameseText.nfc(data.title());
        task.leadUnit = data.leadUnit();
        if (data.coordinatingUnits() != null) {
            task.coordinatingUnits(data.coordinatingUnits());
        }
        if (data.periodStart() != null || data.periodEnd() != null) {
            task.periodStart = data.periodStart();
            task.periodEnd = data.periodEnd();
        }
        task.dueDate = data.dueDate();
        if (data.toStatus() != null) {
            task.status = data.toStatus();
        }
        if (data.expectedEvidence() != null) {
            task.expectedEvidence = VietnameseText.nfc(data.expectedEvidence());
        }
        task.version = data.version();
        task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        task.persist();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
