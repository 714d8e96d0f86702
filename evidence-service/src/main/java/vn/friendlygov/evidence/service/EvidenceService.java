package vn.friendlygov.evidence.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.LockModeType;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.rest.IfMatch;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.evidence.domain.Evidence;
import vn.friendlygov.evidence.domain.EvidenceFile;
import vn.friendlygov.evidence.domain.EvidenceHistory;
import vn.friendlygov.evidence.domain.EvidenceState;
import vn.friendlygov.evidence.messaging.EvidenceEvents;
import vn.friendlygov.evidence.messaging.EvidenceEvents.EvidenceChanged;
import vn.friendlygov.evidence.task.TaskView;
import vn.friendlygov.evidence.upload.UploadReceiver;

/**
 * Submitting, revising, reviewing and withdrawing evidence. Task, rights and If-Match are checked before the body is
 * read; files are hashed and typed while they arrive, outside any transaction; each change commits with its history
 * row and its outbox event.
 */
@RequestScoped
public class EvidenceService {

    private static final Logger LOG = Logger.getLogger(EvidenceService.class);

    private final EvidenceAccess access;
    private final UploadReceiver receiver;
    private final FileRecorder files;
    private final Outbox outbox;

    public EvidenceService(EvidenceAccess access, UploadReceiver receiver, FileRecorder files, Outbox outbox) {
        this.access = access;
        this.receiver = receiver;
        this.files = files;
        this.outbox = outbox;
    }

    /**
     * A new evidence record from a multipart body. The task and the caller's right to submit are checked before a
     * byte of the body is read; the body is then read once ({@link UploadReceiver}).
     */
    public EvidenceQueries.Found submit(String taskId, Supplier<InputStream> body, String contentType) {
        long t0 = System.nanoTime();
        // a read-only primary-key lookup: no transaction of its own (it saves a begin and a commit per upload)
        TaskView task = task(taskId);
        access.requireUploader(task);
        long t1 = System.nanoTime();
        try (UploadReceiver.Received received = receiver.receive(body.get(), contentType)) {
            long t2 = System.nanoTime();
            SubmissionForm form = new SubmissionForm(received.field("kind"), received.field("title"),
                    received.field("description"), received.field("activityDate"), received.field("place"),
                    received.field("url"));
            SubmissionForm.Valid valid = form.validate(received.fileCount());
            EvidenceQueries.Found created = create(task, valid, received.files());
            if (LOG.isDebugEnabled()) {
                LOG.debugf("evidence submitted: checks %d us, body %d us, records %d us", (t1 - t0) / 1000,
                        (t2 - t1) / 1000, (System.nanoTime() - t2) / 1000);
            }
            return created;
        }
    }

    /** The new record with its files and history, as committed (the answer needs no second read). */
    private EvidenceQueries.Found create(TaskView task, SubmissionForm.Valid valid, List<InspectedFile> inspected) {
        String actor = access.actor().id();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<CompletableFuture<Void>> stored = inspected.stream().map(files::store).toList();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Evidence e = new Evidence();
            e.id = UUID.randomUUID();
            e.taskId = task.taskId;
            e.ward = task.ward;
            e.unit = access.actor().unit();
            e.kind = valid.kind();
            e.title = valid.title();
            e.description = valid.description();
            e.activityDate = valid.activityDate();
            e.place = valid.place();
            e.url = valid.url();
            e.state = EvidenceState.SUBMITTED;
            e.currentRevision = 1;
            e.createdBy = actor;
            e.createdAt = now;
            e.updatedAt = now;
            e.persist();
            List<EvidenceFile> recorded = new ArrayList<>();
            for (InspectedFile f : inspected) {
                recorded.add(files.record(e.id, 1, f, task, actor));
            }
            EvidenceHistory h = changed(e, "SUBMITTED", null, actor, null, EvidenceEvents.SUBMITTED);
            files.awaitDurable(stored);
            return new EvidenceQueries.Found(e, recorded, List.of(h));
        });
    }

    /** New files for the same evidence: a new revision, earlier ones stay; the evidence goes back to review. */
    public void revise(UUID id, Supplier<InputStream> body, String contentType, String ifMatch) {
        Evidence current = read(id);
        access.requireOwner(current);
        Long expected = IfMatch.version(ifMatch); // an unreadable If-Match is refused before the body is read
        TaskView task = QuarkusTransaction.requiringNew().call(() -> task(current.taskId));
        try (UploadReceiver.Received received = receiver.receive(body.get(), contentType)) {
            if (received.fileCount() == 0) {
                throw ProblemException.invalid("files", "a revision needs at least one file");
            }
            revise(id, received.files(), received.field("note"), expected, task);
        }
    }

    private void revise(UUID id, List<InspectedFile> inspected, String note, Long expected, TaskView task) {
        String actor = access.actor().id();
        QuarkusTransaction.requiringNew().run(() -> {
            Evidence e = locked(id, expected);
            if (e.state == EvidenceState.WITHDRAWN) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "withdrawn evidence cannot be revised");
            }
            List<CompletableFuture<Void>> stored = inspected.stream().map(files::store).toList();
            EvidenceState from = e.state;
            e.currentRevision++;
            e.state = EvidenceState.SUBMITTED;
            e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            for (InspectedFile f : inspected) {
                files.record(e.id, e.currentRevision, f, task, actor);
            }
            changed(e, "REVISED", from, actor, VietnameseText.nfc(note), EvidenceEvents.REVISED);
            files.awaitDurable(stored);
        });
    }

    public void review(UUID id, boolean accept, String reason, String ifMatch) {
        access.requireReviewer(read(id));
        Long expected = IfMatch.version(ifMatch);
        if (!accept && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "a rejection needs a reason");
        }
        String actor = access.actor().id();
        QuarkusTransaction.requiringNew().run(() -> {
            Evidence e = locked(id, expected);
            if (e.state != EvidenceState.SUBMITTED) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                        "only submitted evidence is reviewed; this one is " + e.state);
            }
            EvidenceState from = e.state;
            e.state = accept ? EvidenceState.ACCEPTED : EvidenceState.REJECTED;
            e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            changed(e, e.state.name(), from, actor, VietnameseText.blankToNull(reason), EvidenceEvents.REVIEWED);
        });
    }

    /** Withdrawal keeps the record, its files and its history, with who withdrew it and why. */
    public void withdraw(UUID id, String reason, String ifMatch) {
        access.requireWithdrawer(read(id));
        Long expected = IfMatch.version(ifMatch);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "a withdrawal needs a reason");
        }
        String actor = access.actor().id();
        QuarkusTransaction.requiringNew().run(() -> {
            Evidence e = locked(id, expected);
            if (e.state == EvidenceState.WITHDRAWN) {
                throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "the evidence is already withdrawn");
            }
            EvidenceState from = e.state;
            e.state = EvidenceState.WITHDRAWN;
            e.withdrawnBy = actor;
            e.withdrawnReason = reason.strip();
            e.withdrawnAt = OffsetDateTime.now(ZoneOffset.UTC);
            e.updatedAt = e.withdrawnAt;
            changed(e, "WITHDRAWN", from, actor, e.withdrawnReason, EvidenceEvents.WITHDRAWN);
        });
    }

    private EvidenceHistory changed(Evidence e, String action, EvidenceState from, String actor, String reason,
            String type) {
        EvidenceHistory h = new EvidenceHistory();
        h.id = UUID.randomUUID();
        h.evidenceId = e.id;
        h.action = action;
        h.fromState = from;
        h.toState = e.state;
        h.revision = e.currentRevision;
        h.actor = actor;
        h.reason = reason;
        h.at = OffsetDateTime.now(ZoneOffset.UTC);
        h.persist();
        outbox.publish(EvidenceEvents.TOPIC, type, e.id.toString(), e.ward, new EvidenceChanged(e.id, e.taskId,
                e.ward, e.unit, e.kind.name(), e.title, e.currentRevision, e.state.name(), actor, reason, h.at));
        return h;
    }

    /** The evidence, locked for the change; 412 when {@code If-Match} named another version (common's IfMatch). */
    private Evidence locked(UUID id, Long expected) {
        Evidence e = Evidence.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (expected != null && expected != e.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "the evidence changed since you read it (ETag "
                    + etag(e) + ")");
        }
        return e;
    }

    /**
     * Reads in a short transaction of its own, so that the request's read-only session does not keep a copy that
     * the answer, read after the change commits, would show instead of the new state.
     */
    private static Evidence read(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> evidence(id));
    }

    public static String etag(Evidence e) {
        return "\"" + e.version + "\"";
    }

    static TaskView task(String taskId) {
        TaskView task = TaskView.findById(taskId);
        if (task == null) {
            throw ProblemException.notFound("task", taskId);
        }
        return task;
    }

    static Evidence evidence(UUID id) {
        Evidence e = Evidence.findById(id);
        if (e == null) {
            throw ProblemException.notFound("evidence", id);
        }
        return e;
    }
}
