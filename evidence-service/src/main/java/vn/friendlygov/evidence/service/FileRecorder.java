package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import vn.friendlygov.evidence.config.EvidenceConfig;
import vn.friendlygov.evidence.domain.EvidenceFile;
import vn.friendlygov.evidence.storage.BlobStore;
import vn.friendlygov.evidence.storage.DiskFlush;
import vn.friendlygov.evidence.task.TaskView;

/**
 * Stores an inspected file's content and records it as part of a revision, inside the caller's transaction. The
 * content is moved into the store before the transaction commits: if it then fails, the content is an orphan that
 * {@link OrphanSweeper} removes; a row never points at missing content.
 */
@ApplicationScoped
public class FileRecorder {

    private final BlobStore store;
    private final EntityManager em;
    private final ZoneId zone;

    public FileRecorder(BlobStore store, EntityManager em, EvidenceConfig config) {
        this.store = store;
        this.em = em;
        this.zone = ZoneId.of(config.zone());
    }

    /**
     * Moves the content into the store under its lock, with its {@code stored_blob} row: one statement takes the lock
     * and writes the row (call it before persisting entities, so that it does not flush them one round trip early).
     * The sweeper deletes only under the same lock and only when no row exists, so the content it sees from now on
     * is either this transaction's (committed with its row) or gone with its rollback.
     *
     * <p>The file's final flush runs during the statement; the content is moved into the store only once its bytes
     * are on disk (a later upload of the same content trusts a file found under its address). Returns when the
     * directory entry of its new name is on disk: pass it to {@link #awaitDurable} before the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CompletableFuture<Void> store(InspectedFile file) {
        em.createNativeQuery("with locked as (select pg_advisory_xact_lock(hashtextextended(?1, 0)))"
                + " insert into stored_blob (sha256, size, media_type, created_at) select ?1, ?2, ?3, now() from locked"
                + " on conflict (sha256) do nothing")
                .setParameter(1, file.sha256())
                .setParameter(2, file.size())
                .setParameter(3, file.mediaType())
                .executeUpdate();
        try {
            DiskFlush.await(file.forced());
            return store.moveIn(file.sha256(), file.spooled(), file.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a file", e);
        }
    }

    /**
     * Sends the transaction's pending statements, then waits until the stored contents' names are on disk: the flushes
     * overlap with the statements, and the record commits only after both (call it last in the transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void awaitDurable(List<CompletableFuture<Void>> stored) {
        em.flush();
        try {
            for (CompletableFuture<Void> s : stored) {
                DiskFlush.await(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a file", e);
        }
    }

    /** The file's row in a revision; its content must have been {@link #store stored} in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EvidenceFile record(UUID evidenceId, int revision, InspectedFile file, TaskView task, String actor) {
        EvidenceFile f = new EvidenceFile();
        f.id = UUID.randomUUID();
        f.evidenceId = evidenceId;
        f.revision = revision;
        f.sha256 = file.sha256();
        f.fileName = file.fileName();
        f.mediaType = file.mediaType();
        f.size = file.size();
        f.capturedAt = file.exif().capturedAt();
        f.latitude = file.exif().latitude();
        f.longitude = file.exif().longitude();
        f.outsidePeriod = outsidePeriod(f.capturedAt, task);
        f.uploadedBy = actor;
        f.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        f.persist();
        return f;
    }

    /** A capture date (in the ward's zone) before the task's period starts or after it ends. */
    boolean outsidePeriod(OffsetDateTime capturedAt, TaskView task) {
        if (capturedAt == null) {
            return false;
        }
        LocalDate day = capturedAt.atZoneSameInstant(zone).toLocalDate();
        return (task.periodStart != null && day.isBefore(task.periodStart))
                || (task.periodEnd != null && day.isAfter(task.periodEnd));
    }
}
