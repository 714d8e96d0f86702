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
import vn.friendlygov.notification.reminder.Reminder;
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
            store.cancelPending(TASK, t.taskId, t.done() ? "task " + t.status : "no due date");
            return List.of();
        }
        return replan(subject(t), ReminderPolicy.of(t.ward));
    }

    static DeadlinePlan.Subject subject(TaskView t) {
        return new DeadlinePlan.Subject(TASK, t.taskId, t.ward, t.leadUnit, "nhiệm vụ “" + t.title + "”", t.dueDate,
                t.recurrence);
    }

    static DeadlinePlan.Subject subject(FeedbackView f) {
        String label = "phản ánh " + (f.trackingCode == null ? f.feedbackId : f.trackingCode)
                + (f.category == null ? "" : " (" + f.category + ")");
        return new DeadlinePlan.Subject(FEEDBACK, f.feedbackId, f.ward, f.unit, label, f.dueDate, null);
    }

    /**
     * Moves the horizon of "daily while overdue" on: stores the overdue reminders of the days now within reach.
     * Called by the dispatcher with each overdue reminder it sends, so it runs once per working day per subject;
     * idempotent (the keys), and it only adds — cancelling is for the events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rollOverdue(String subjectKind, String subjectId) {
        DeadlinePlan.Subject subject = null;
        if (TASK.equals(subjectKind)) {
            TaskView t = TaskView.findById(subjectId);
            subject = t == null || t.done() || t.dueDate == null ? null : subject(t);
        } else if (FEEDBACK.equals(subjectKind)) {
            FeedbackView f = FeedbackView.findById(subjectId);
            subject = f == null || f.done() || f.dueDate == null || f.unit == null ? null : subject(f);
        }
        if (subject == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.upsert(DeadlinePlan.plan(subject, ReminderPolicy.of(subject.ward()), calendar, now).stream()
                .filter(r -> r.kind() == Reminder.Kind.OVERDUE).toList(), now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedReminder> planFeedback(FeedbackView f) {
        if (f.done() || f.dueDate == null || f.unit == null) {
            store.cancelPending(FEEDBACK, f.feedbackId, "feedback " + f.status);
            return List.of();
        }
        return replan(subject(f), ReminderPolicy.of(f.ward));
    }

    /** Plans with an explicit policy (batch planning of many subjects of one ward reads the policy once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PlannedReminder> replan(DeadlinePlan.Subject subject, ReminderPolicy policy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PlannedReminder> plan = DeadlinePlan.plan(subject, policy, calendar, now);
        store.cancelPendingExcept(subject.kind(), subject.id(), plan.stream().map(PlannedReminder::key).toList(),
                DeadlinePlan.keyPrefix(subject), now, "due date changed to " + subject.dueDate());
        store.upsert(plan, now);
        return plan;
    }
}
