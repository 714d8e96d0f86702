package vn.friendlygov.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.notification.inbox.InboxNotification;

/**
 * Task events become in-app notifications for the task's lead unit. Idempotent: the event id is recorded with the
 * notification in one transaction. A malformed event throws, is nacked and lands on the dead-letter topic.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    static final String CONSUMER = "notification.task-events";
    static final String STATUS_CHANGED = "vn.friendlygov.criteria.task.status-changed.v1";
    static final String CREATED = "vn.friendlygov.criteria.task.created.v1";

    private final EventReader reader;
    private final ProcessedEvents processed;

    public TaskEventsConsumer(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @Incoming("task-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!STATUS_CHANGED.equals(event.type()) && !CREATED.equals(event.type())) {
            return; // other task event types do not notify anyone
        }
        TaskEvent task = reader.data(event, TaskEvent.class);
        if (task.ward() == null || task.leadUnit() == null || task.title() == null || task.toStatus() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks ward, leadUnit, title or toStatus");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        InboxNotification n = new InboxNotification();
        n.id = UUID.randomUUID();
        n.ward = task.ward();
        n.unit = task.leadUnit();
        n.kind = CREATED.equals(event.type()) ? "TASK_ASSIGNED" : "TASK_STATUS_CHANGED";
        n.title = CREATED.equals(event.type())
                ? "Nhiệm vụ mới: " + task.title()
                : "Nhiệm vụ chuyển sang " + StatusLabels.vietnamese(task.toStatus()) + ": " + task.title();
        n.body = task.reason();
        n.subjectId = task.taskId();
        n.sourceEventId = event.id();
        n.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.persist();
    }
}
