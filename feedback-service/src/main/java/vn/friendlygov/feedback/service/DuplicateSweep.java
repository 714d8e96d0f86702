package vn.friendlygov.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * Looks for a likely duplicate of each new case shortly after intake, so that the citizen's request never waits on a
 * similarity search that grows with the table. Cases are claimed with SKIP LOCKED: replicas share the work.
 */
@ApplicationScoped
public class DuplicateSweep {

    private static final int BATCH = 100;

    private final EntityManager em;
    private final DuplicateFinder finder;

    public DuplicateSweep(EntityManager em, DuplicateFinder finder) {
        this.em = em;
        this.finder = finder;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.duplicate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (sweep() == BATCH) {
            // a backlog: keep going until it is cleared
        }
    }

    /** @return how many cases were checked */
    @Transactional
    public int sweep() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from feedback where duplicate_checked = false"
                + " order by received_at limit " + BATCH + " for update skip locked").getResultList();
        for (UUID id : ids) {
            Feedback f = Feedback.findById(id);
            // a native update: the case's version is not bumped, so an officer working on it meanwhile is not refused
            em.createNativeQuery("update feedback set suggested_duplicate = :d, duplicate_checked = true where id = :id")
                    .setParameter("d", finder.likelyDuplicateOf(f).orElse(null)).setParameter("id", id)
                    .executeUpdate();
        }
        return ids.size();
    }
}
