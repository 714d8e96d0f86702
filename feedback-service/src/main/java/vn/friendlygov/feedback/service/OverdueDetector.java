package vn.friendlygov.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.messaging.FeedbackEvents;

/**
 * Announces, once per case, that an open case passed its due date (the apology letter hangs on that event).
 * Runs on working days only: nobody can answer on a day off, so a case due Friday becomes overdue on Monday.
 * Rows are claimed with SKIP LOCKED so several replicas never announce the same case twice.
 */
@ApplicationScoped
public class OverdueDetector {

    static final String SYSTEM = "system:overdue";
    private static final int BATCH = 500;

    private final HolidayCalendar calendar;
    private final EntityManager em;
    private final FeedbackEvents events;
    private final History history;

    public OverdueDetector(HolidayCalendar calendar, EntityManager em, FeedbackEvents events, History history) {
        this.calendar = calendar;
        this.em = em;
        this.events = events;
        this.history = history;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.overdue-every:15m}", delayed = "${feedback.overdue-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        detect(LocalDate.now(HolidayCalendar.ZONE));
    }

    /** @return how many cases were announced overdue as of {@code today} */
    @Transactional
    public int detect(LocalDate today) {
        if (!calendar.isWorkingDay(today)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from feedback where overdue_announced = false"
                + " and status in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and due_date < :today"
                + " order by due_date limit " + BATCH + " for update skip locked")
                .setParameter("today", today).getResultList();
        for (UUID id : ids) {
            Feedback f = Feedback.findById(id);
            f.overdueAnnounced = true;
            history.record(f, SYSTEM, "OVERDUE", f.status, "due " + f.dueDate);
            events.publish(FeedbackEvents.Kind.OVERDUE, f, SYSTEM);
        }
        return ids.size();
    }
}
