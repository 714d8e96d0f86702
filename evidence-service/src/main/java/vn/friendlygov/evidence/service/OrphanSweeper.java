package vn.friendlygov.evidence.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import vn.friendlygov.evidence.config.EvidenceConfig;
import vn.friendlygov.evidence.storage.BlobStore;

/**
 * Removes stored contents that no record references: what an upload leaves when the process dies (or the
 * transaction fails) between writing the file and committing its record; and temporary files of uploads that a
 * killed process never finished ({@link #sweepIncoming}). An upload holds a transaction-scoped
 * advisory lock on the hash from writing the content until its commit ({@link FileRecorder#store}); the sweeper deletes
 * only under the same lock and only when no row exists, so it never removes content an upload is about to use.
 * Safe with several replicas: a second sweeper finds nothing more to do.
 */
@ApplicationScoped
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class);

    private final BlobStore store;
    private final EntityManager em;
    private final EvidenceConfig config;

    public OrphanSweeper(BlobStore store, EntityManager em, EvidenceConfig config) {
        this.store = store;
        this.em = em;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${evidence.storage.sweep-every:1h}", delayed = "${evidence.storage.sweep-delay:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "evidence-orphan-sweeper")
    void scheduled() {
        sweepIncoming(config.storage().incomingMaxAge());
        sweep(config.storage().orphanGrace());
    }

    /**
     * Deletes temporary upload files not written to for {@code maxAge}: what a process killed during an upload left
     * (a live upload writes continuously and is moved into the store within moments of its last byte).
     */
    public int sweepIncoming(Duration maxAge) {
        try {
            int deleted = store.deleteIncomingOlderThan(Instant.now().minus(maxAge));
            if (deleted > 0) {
                LOG.infof("removed %d temporary files of interrupted uploads", deleted);
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the incoming uploads", e);
        }
    }

    /** Deletes unreferenced contents older than {@code grace}; returns how many. */
    public int sweep(Duration grace) {
        Instant before = Instant.now().minus(grace);
        List<String> candidates = new ArrayList<>();
        try {
            store.forEach((sha, modified) -> {
                if (!modified.isAfter(before)) {
                    candidates.add(sha);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the evidence store", e);
        }
        int deleted = 0;
        for (String sha : candidates) {
            if (QuarkusTransaction.requiringNew().call(() -> deleteIfOrphan(sha))) {
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.infof("removed %d stored files that no evidence references", deleted);
        }
        return deleted;
    }

    private boolean deleteIfOrphan(String sha) throws IOException {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, sha).getSingleResult();
        if (!locked) {
            return false; // an upload of this content is in flight
        }
        long rows = ((Number) em.createNativeQuery("select count(*) from stored_blob where sha256 = ?1")
                .setParameter(1, sha).getSingleResult()).longValue();
        if (rows > 0) {
            return false;
        }
        store.delete(sha);
        return true;
    }
}
