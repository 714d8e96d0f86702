package vn.friendlygov.criteria.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.criteria.config.CriteriaConfig;
import vn.friendlygov.criteria.messaging.TaskEvents;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Every hour (only the first run after midnight usually finds work), marks the open tasks (TODO, IN_PROGRESS,
 * RETURNED) whose due date has passed as overdue, with a history entry and a {@code task.overdue} event each. Safe with several replicas: each batch locks its rows with
 * {@code FOR UPDATE SKIP LOCKED} and the flag is checked under the lock, so a task is marked, and announced, once.
 * A submitted task is not overdue: the unit did its part in time and waits for review. A batch is taken in plan order
 * so that the plan versions its commit bumps (migration V2) are locked in the same order by every replica.
 */
@ApplicationScoped
public class OverdueJob {

    static final String ACTOR = "system:overdue-job";
    private static final Logger LOG = Logger.getLogger(OverdueJob.class);

    private final EntityManager em;
    private final TaskJournal journal;
    private final CriteriaConfig config;

    public OverdueJob(EntityManager em, TaskJournal journal, CriteriaConfig config) {
        this.em = em;
        this.journal = journal;
        this.config = config;
    }

    @Scheduled(cron = "{criteria.overdue.cron}", timeZone = "Asia/Ho_Chi_Minh", identity = "overdue-tasks",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int n = markOverdue(LocalDate.now(HolidayCalendar.ZONE));
        LOG.infof("overdue job marked %d tasks", n);
    }

    /** Marks every task due before {@code today}; returns how many this call marked. */
    public int markOverdue(LocalDate today) {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> markBatch(today));
            total += batch;
        } while (batch == config.overdue().batchSize());
        return total;
    }

    private int markBatch(LocalDate today) {
        List<TaskOccurrence> due = em.createQuery("from TaskOccurrence where overdue = false and status in :open "
                + "and dueDate < :today order by planCode, dueDate, id", TaskOccurrence.class)
                .setParameter("open", List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED))
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .setMaxResults(config.overdue().batchSize())
                .getResultList();
        for (TaskOccurrence t : due) {
            t.overdue = true;
            journal.record(t, TaskEvents.OVERDUE, "OVERDUE", t.status, ACTOR, "due " + t.dueDate + " has passed");
        }
        return due.size();
    }
}
