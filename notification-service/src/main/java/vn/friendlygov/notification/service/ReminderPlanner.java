package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.notification.readmodel.FeedbackView;
import vn.friendlygov.notification.readmodel.TaskView;
import vn.friendlygov.notification.reminder.DeadlinePlan;
import vn.friendlygov.notification.reminder.PlannedReminder;
import vn.friendlygov.notification.reminder.ReminderPolicy;

/** Keeps the stored reminders of a task or a feedback case equal to what its current state calls for. */
@ApplicationScoped
public class ReminderPlanner {

    public static final String TASK = "TASK";
    public static final String FEEDBACK = "FEEDBACK";

    private final ReminderStore store;
    private final HolidayCalendar calendar;
    private final Clock clock;

    public ReminderPlanner(ReminderStore store, HolidayCalendar calendar, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedReminder> planTask(TaskView t) {
        if (t.done() || t.dueDate == null) {
            store.cancelPendingExcept(TASK, t.taskId, List.of(), t.done() ? "task " + t.status : "no due date");
            return List.of();
        }
        return replan(new DeadlinePlan.Subject(TASK, t.taskId, t.ward, t.leadUnit, "nhiệm vụ “" + t.title + "”",
                t.dueDate, t.recurrence), ReminderPolicy.of(t.ward));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedReminder> planFeedback(FeedbackView f) {
        if (f.done() || f.dueDate == null || f.unit == null) {
            store.cancelPendingExcept(FEEDBACK, f.feedbackId, List.of(), "feedback " + f.status);
            return List.of();
        }
        String label = "phản ánh " + (f.trackingCode == null ? f.feedbackId : f.trackingCode)
                + (f.category == null ? "" : " (" + f.category + ")");
        return replan(new DeadlinePlan.Subject(FEEDBACK, f.feedbackId, f.ward, f.unit, label, f.dueDate, null),
                ReminderPolicy.of(f.ward));
    }

    /** Plans with an explicit policy (batch planning of many subjects of one ward reads the policy once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedReminder> replan(DeadlinePlan.Subject subject, ReminderPolicy policy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PlannedReminder> plan = DeadlinePlan.plan(subject, policy, calendar, now);
        store.cancelPendingExcept(subject.kind(), subject.id(), plan.stream().map(PlannedReminder::key).toList(),
                "due date changed to " + subject.dueDate());
        store.upsert(plan, now);
        return plan;
    }
}
