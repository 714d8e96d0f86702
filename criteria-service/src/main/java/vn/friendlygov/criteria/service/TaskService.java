package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.UUID;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.criteria.messaging.TaskEvents;
import vn.friendlygov.criteria.task.TaskAction;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/** Task lifecycle rules: authorisation by role, unit and ward; optimistic concurrency; history and outbox event. */
@ApplicationScoped
public class TaskService {

    private final Outbox outbox;

    public TaskService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public TaskOccurrence create(Actor actor, String ward, String leadUnit, String title, LocalDate dueDate) {
        actor.requireWard(ward);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TaskOccurrence task = new TaskOccurrence();
        task.id = UUID.randomUUID();
        task.ward = ward;
        task.leadUnit = leadUnit;
        task.title = title;
        task.dueDate = dueDate;
        task.status = TaskStatus.TODO;
        task.createdAt = now;
        task.updatedAt = now;
        task.persist();
        record(task, actor, "CREATE", null, null);
        task.flush();
        outbox.publish(TaskEvents.TOPIC, TaskEvents.CREATED, task.id.toString(), task.ward,
                changed(task, actor, "CREATE", null, null));
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

    /**
     * Applies an action. {@code expectedVersion} (from If-Match) is required: a stale version is 412.
     */
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
        task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record(task, actor, action.name(), from, reason);
        task.flush(); // bumps the version inside this transaction
        outbox.publish(TaskEvents.TOPIC, TaskEvents.STATUS_CHANGED, task.id.toString(), task.ward,
                changed(task, actor, action.name(), from, reason));
        return task;
    }

    private static void record(TaskOccurrence task, Actor actor, String action, TaskStatus from, String reason) {
        TaskHistoryEntry h = new TaskHistoryEntry();
        h.id = UUID.randomUUID();
        h.taskId = task.id;
        h.actor = actor.id();
        h.action = action;
        h.fromStatus = from;
        h.toStatus = task.status;
        h.reason = reason;
        h.occurredAt = task.updatedAt;
        h.persist();
    }

    private static TaskEvents.TaskChanged changed(TaskOccurrence t, Actor actor, String action, TaskStatus from,
            String reason) {
        return new TaskEvents.TaskChanged(t.id, t.ward, t.leadUnit, t.title, t.dueDate,
                from == null ? null : from.name(), t.status.name(), action, actor.id(), reason, t.version);
    }
}
