package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.criteria.messaging.TaskEvents;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Every change of a task ends here: a history entry (who, when, from, to, why) and an outbox event, in the
 * transaction of the change. The flush bumps the version first so that the event carries the new one, and turns a
 * concurrent writer's win into a 412 instead of a lost update.
 */
@ApplicationScoped
public class TaskJournal {

    private final Outbox outbox;

    public TaskJournal(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TaskOccurrence task, String eventType, String action, TaskStatus from, String actor,
            String reason) {
        task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        TaskHistoryEntry h = new TaskHistoryEntry();
        h.id = UUID.randomUUID();
        h.taskId = task.id;
        h.actor = actor;
        h.action = action;
        h.fromStatus = from;
        h.toStatus = task.status;
        h.reason = reason;
        h.occurredAt = task.updatedAt;
        if (!task.isPersistent()) {
            task.persist(); // version 0: nothing to flush before the event
            h.persist();
        } else {
            h.persist();
            try {
                task.flush();
            } catch (OptimisticLockException e) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "the task was changed by someone else meanwhile; reload it");
            }
        }
        outbox.publish(TaskEvents.TOPIC, eventType, task.id.toString(), task.ward,
                TaskEvents.TaskChanged.of(task, action, from == null ? null : from.name(), actor, reason));
    }
}
