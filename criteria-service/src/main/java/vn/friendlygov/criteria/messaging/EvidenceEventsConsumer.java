package vn.friendlygov.criteria.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.messaging.RetryTransientFailures;
import vn.friendlygov.criteria.service.TaskJournal;
import vn.friendlygov.criteria.task.TaskEvidence;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Evidence events move a TODO task to IN_PROGRESS (the unit has started: it submitted proof) and keep the task's
 * evidence count: evidence that is SUBMITTED or ACCEPTED counts; REJECTED and WITHDRAWN do not. Idempotent on the
 * event id; the task row is locked so that a person's transition at the same moment cannot be overwritten. An event
 * for an unknown task or another ward's task can never be processed and goes to {@code criteria.dead-letter.v1}.
 */
@ApplicationScoped
public class EvidenceEventsConsumer {

    static final String CONSUMER = "criteria.evidence-events";
    static final String PREFIX = "vn.friendlygov.evidence.evidence.";
    static final String SUBMITTED = PREFIX + "submitted.v1";
    private static final Set<String> COUNTED = Set.of("SUBMITTED", "ACCEPTED");

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final TaskJournal journal;

    public EvidenceEventsConsumer(EventReader reader, ProcessedEvents processed, TaskJournal journal) {
        this.reader = reader;
        this.processed = processed;
        this.journal = journal;
    }

    @Incoming("evidence-events")
    @Blocking
    @RetryTransientFailures
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!event.type().startsWith(PREFIX)) {
            return;
        }
        EvidenceEvent e = reader.data(event, EvidenceEvent.class);
        if (e.evidenceId() == null || e.taskId() == null || e.ward() == null || e.state() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks evidenceId, taskId, ward or state");
        }
        UUID taskId;
        try {
            taskId = UUID.fromString(e.taskId());
        } catch (IllegalArgumentException x) {
            throw new MalformedEventException("event " + event.id() + ": taskId " + e.taskId() + " is not a UUID");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        TaskOccurrence task = TaskOccurrence.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
        if (task == null || !task.ward.equals(e.ward())) {
            throw new MalformedEventException("event " + event.id() + ": no task " + taskId + " in ward " + e.ward());
        }
        TaskEvidence evidence = TaskEvidence.findById(e.evidenceId());
        if (evidence == null) {
            evidence = new TaskEvidence();
            evidence.evidenceId = e.evidenceId();
            evidence.taskId = task.id;
        }
        evidence.state = e.state();
        evidence.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        evidence.persist();
        evidence.flush();
        int count = (int) TaskEvidence.count("taskId = ?1 and state in ?2", task.id, COUNTED);
        String actor = "evidence-service:" + (e.actor() == null ? "unknown" : e.actor());
        if (SUBMITTED.equals(event.type()) && task.status == TaskStatus.TODO) {
            task.evidenceCount = count;
            task.status = TaskStatus.IN_PROGRESS;
            journal.record(task, TaskEvents.STATUS_CHANGED, "EVIDENCE", TaskStatus.TODO, actor,
                    "evidence " + e.evidenceId() + " submitted");
        } else if (count != task.evidenceCount) {
            task.evidenceCount = count;
            journal.record(task, TaskEvents.UPDATED, "EVIDENCE", task.status, actor,
                    "evidence " + e.evidenceId() + " is " + e.state());
        }
    }
}
