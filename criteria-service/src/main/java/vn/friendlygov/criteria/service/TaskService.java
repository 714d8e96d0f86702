package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.criteria.messaging.TaskEvents;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.Unit;
import vn.friendlygov.criteria.schedule.Recurrence;
import vn.friendlygov.criteria.task.TaskAction;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/** Task lifecycle rules: authorisation by role, unit and ward; optimistic concurrency; history and outbox event. */
@ApplicationScoped
public class TaskService {

    private final TaskJournal journal;

    public TaskService(TaskJournal journal) {
        this.journal = journal;
    }

    /** An ad-hoc task outside the imported plan. */
    @Transactional
    public TaskOccurrence create(Actor actor, String ward, String leadUnit, String title, LocalDate dueDate,
            List<String> coordinatingUnits, String expectedEvidence) {
        actor.requireWard(ward);
        requireUnit("leadUnit", leadUnit);
        List<String> coordinating = coordinatingUnits == null ? List.of() : coordinatingUnits;
        for (int i = 0; i < coordinating.size(); i++) {
            requireUnit("coordinatingUnits[" + i + "]", coordinating.get(i));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TaskOccurrence task = new TaskOccurrence();
        task.id = UUID.randomUUID();
        task.ward = ward;
        task.leadUnit = leadUnit;
        task.title = title;
        task.dueDate = dueDate;
        task.periodEnd = dueDate;
        task.recurrence = Recurrence.ONCE;
        task.coordinatingUnits = PlanItem.join(coordinating);
        task.expectedEvidence = expectedEvidence;
        task.status = TaskStatus.TODO;
        task.createdAt = now;
        journal.record(task, TaskEvents.CREATED, "CREATE", null, actor.id(), null);
        return task;
    }

    @Transactional
    public TaskOccurrence find(Actor actor, UUID id) {
        TaskOccurrence task = TaskOccurrence.findById(id);
        if (task == null) {
            throw ProblemException.notFound("task", id);
        }
        actor.requireWard(task.ward);
        return task;
    }

    @Transactional
    public List<TaskHistoryEntry> history(Actor actor, UUID id) {
        find(actor, id);
        return TaskHistoryEntry.list("taskId = ?1 order by occurredAt, id", id);
    }

    /** Applies an action. {@code expectedVersion} (from If-Match) is optional; when given, a stale one is 412. */
    @Transactional
    public TaskOccurrence transition(Actor actor, UUID id, String actionName, String reason, Long expectedVersion) {
        TaskAction action = TaskAction.parse(actionName);
        if (action == null) {
            throw ProblemException.invalid("action", "must be one of start, submit, approve, return, cancel");
        }
        if (action.reasonRequired() && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "a reason is required to " + action.name().toLowerCase());
        }
        TaskOccurrence task = find(actor, id);
        if (Collections.disjoint(actor.roles(), action.roles())) {
            throw ProblemException.forbidden("the roles " + action.roles() + " may " + action.name().toLowerCase()
                    + " a task");
        }
        actor.requireUnit(task.ward, task.leadUnit);
        if (expectedVersion != null && expectedVersion != task.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the task is at version " + task.version + ", not " + expectedVersion + "; reload it");
        }
        if (!action.allowedFrom(task.status)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "cannot " + action.name().toLowerCase() + " a task that is " + task.status);
        }
        TaskStatus from = task.status;
        task.status = action.target();
        journal.record(task, TaskEvents.STATUS_CHANGED, action.name(), from, actor.id(), reason);
        return task;
    }

    private static void requireUnit(String field, String code) {
        if (Unit.findById(code) == null) {
            throw ProblemException.invalid(field, "unknown unit " + code + "; see GET /api/v1/units");
        }
    }
}
