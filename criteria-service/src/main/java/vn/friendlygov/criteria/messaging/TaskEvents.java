package vn.friendlygov.criteria.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.task.TaskOccurrence;

/** The schema of {@code criteria.task-events.v1}, owned by criteria-service (docs/2026-11-26-event-contracts.md). */
public final class TaskEvents {

    public static final String TOPIC = "criteria.task-events.v1";
    public static final String CREATED = "vn.friendlygov.criteria.task.created.v1";
    public static final String STATUS_CHANGED = "vn.friendlygov.criteria.task.status-changed.v1";
    public static final String UPDATED = "vn.friendlygov.criteria.task.updated.v1";
    public static final String OVERDUE = "vn.friendlygov.criteria.task.overdue.v1";

    private TaskEvents() {
    }

    /**
     * Data of every type: the task as it is after the change, and the change itself. {@code overdue} and
     * {@code evidenceCount} are additions to the fields listed in the contract (allowed within v1).
     */
    public record TaskChanged(UUID taskId, String ward, String planCode, UUID itemId, String criterionCode,
            String title, String leadUnit, List<String> coordinatingUnits, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, String recurrence, String fromStatus, String toStatus, String action, String actor,
            String reason, long version, String expectedEvidence, boolean overdue, int evidenceCount) {

        public static TaskChanged of(TaskOccurrence t, String action, String fromStatus, String actor, String reason) {
            return new TaskChanged(t.id, t.ward, t.planCode, t.itemId, t.criterionCode, t.title, t.leadUnit,
                    PlanItem.codes(t.coordinatingUnits), t.periodStart, t.periodEnd, t.dueDate, t.recurrence.name(),
                    fromStatus, t.status.name(), action, actor, reason, t.version, t.expectedEvidence, t.overdue,
                    t.evidenceCount);
        }
    }
}
