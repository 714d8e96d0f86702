package vn.friendlygov.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.notification.inbox.InboxService;
import vn.friendlygov.notification.readmodel.TaskView;
import vn.friendlygov.notification.service.ReadModels;
import vn.friendlygov.notification.service.ReminderPlanner;

/**
 * Task events keep the task read model and its planned reminders up to date; a new task and a change of state also
 * become an in-app notification for the lead unit (the tasks an imported plan generates are counted in one
 * notification per plan and day, {@link InboxService#notifyPlanTask}). Idempotent: the event id is recorded with the effects in one
 * transaction. Consumed in batches (the busiest topic, see {@link BatchProcessing}); a malformed event lands on the
 * dead-letter topic and consuming goes on.
 */
@ApplicationScoped
public class TaskEventsConsumer {

    static final String CONSUMER = "notification.task-events";
    static final String STATUS_CHANGED = "vn.friendlygov.criteria.task.status-changed.v1";
    static final String CREATED = "vn.friendlygov.criteria.task.created.v1";
    static final String UPDATED = "vn.friendlygov.criteria.task.updated.v1";
    static final String OVERDUE = "vn.friendlygov.criteria.task.overdue.v1";
    private static final Set<String> TYPES = Set.of(STATUS_CHANGED, CREATED, UPDATED, OVERDUE);

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final ReadModels readModels;
    private final ReminderPlanner planner;
    private final InboxService inbox;
    private final BatchProcessing batches;

    public TaskEventsConsumer(EventReader reader, ProcessedEvents processed, ReadModels readModels,
            ReminderPlanner planner, InboxService inbox, BatchProcessing batches) {
        this.reader = reader;
        this.processed = processed;
        this.readModels = readModels;
        this.planner = planner;
        this.inbox = inbox;
        this.batches = batches;
    }

    @Incoming("task-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(records, this::handle);
    }

    /** One event, inside the transaction of its batch (or its own, when the batch is redone record by record). */
    void handle(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!TYPES.contains(event.type())) {
            return; // types added to the topic later do not concern this service yet
        }
        TaskEvent task = reader.data(event, TaskEvent.class);
        boolean notifies = STATUS_CHANGED.equals(event.type()) || CREATED.equals(event.type());
        if (task.taskId() == null || task.ward() == null
                || (notifies && (task.leadUnit() == null || task.title() == null || task.toStatus() == null))) {
            throw new MalformedEventException("event " + event.id() + " lacks taskId, ward, leadUnit, title or toStatus");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (CREATED.equals(event.type()) && task.planCode() != null && task.itemId() != null) {
            inbox.notifyPlanTask(task.ward(), task.leadUnit(), task.planCode(), task.taskId(), task.title());
        } else if (notifies) {
            inbox.notify(task.ward(), task.leadUnit(), CREATED.equals(event.type()) ? "TASK_ASSIGNED" : "TASK_STATUS_CHANGED",
                    CREATED.equals(event.type())
                            ? "Nhiệm vụ mới: " + task.title()
                            : "Nhiệm vụ chuyển sang " + StatusLabels.vietnamese(task.toStatus()) + ": " + task.title(),
                    task.reason(), task.taskId(), event.id());
        }
        TaskView view = readModels.apply(task);
        if (view != null && view.leadUnit != null && view.title != null) {
            planner.planTask(view);
        }
    }
}
