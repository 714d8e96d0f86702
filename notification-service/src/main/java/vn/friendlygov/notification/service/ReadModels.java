package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import vn.friendlygov.notification.messaging.FeedbackEvent;
import vn.friendlygov.notification.messaging.TaskEvent;
import vn.friendlygov.notification.readmodel.FeedbackView;
import vn.friendlygov.notification.readmodel.TaskView;

/** Applies other services' events to this service's copies of their aggregates. */
@ApplicationScoped
public class ReadModels {

    private final Clock clock;

    public ReadModels(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the updated view, or {@code null} when the event is older than what the view already holds (a
     * redelivery after a later event); absent fields keep what the view knew.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TaskView apply(TaskEvent e) {
        TaskView v = TaskView.findById(e.taskId());
        if (v == null) {
            v = new TaskView();
            v.taskId = e.taskId();
            v.status = "TODO";
        } else if (e.version() != null && v.version != null && e.version() < v.version) {
            return null;
        }
        v.ward = e.ward();
        v.planCode = e.planCode() != null ? e.planCode() : v.planCode;
        v.title = e.title() != null ? e.title() : v.title;
        v.leadUnit = e.leadUnit() != null ? e.leadUnit() : v.leadUnit;
        if (e.coordinatingUnits() != null) {
            v.coordinatingUnits = String.join(",", e.coordinatingUnits());
        }
        v.dueDate = e.dueDate() != null ? e.dueDate() : v.dueDate;
        v.recurrence = e.recurrence() != null ? e.recurrence() : v.recurrence;
        v.status = e.toStatus() != null ? e.toStatus() : v.status;
        v.version = e.version() != null ? e.version() : v.version;
        v.updatedAt = OffsetDateTime.now(clock);
        if (v.title == null || v.leadUnit == null) {
            return null; // an update of a task this service never saw created: nothing to plan for yet
        }
        v.persist();
        return v;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FeedbackView apply(FeedbackEvent e) {
        FeedbackView v = FeedbackView.findById(e.feedbackId());
        if (v == null) {
            v = new FeedbackView();
            v.feedbackId = e.feedbackId();
            v.status = "RECEIVED";
        }
        v.ward = e.ward();
        v.trackingCode = e.trackingCode() != null ? e.trackingCode() : v.trackingCode;
        v.unit = e.unit() != null ? e.unit() : v.unit;
        v.category = e.category() != null ? e.category() : v.category;
        v.channel = e.channel() != null ? e.channel() : v.channel;
        v.status = e.status() != null ? e.status() : v.status;
        v.dueDate = e.dueDate() != null ? e.dueDate() : v.dueDate;
        v.answeredAt = e.answeredAt() != null ? e.answeredAt() : v.answeredAt;
        v.updatedAt = OffsetDateTime.now(clock);
        v.persist();
        return v;
    }
}
