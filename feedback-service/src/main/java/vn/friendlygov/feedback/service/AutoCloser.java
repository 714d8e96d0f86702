package vn.friendlygov.feedback.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.messaging.FeedbackEvents;

/**
 * Closes an ANSWERED case once the citizen's reopen window has passed without a reopen (the last day to reopen is
 * {@link CitizenFollowUp#reopenUntil}), with a {@code closed} event. Rows are claimed with SKIP LOCKED and the
 * status is checked under the lock, so several replicas never close a case twice and a reopen that commits first
 * wins.
 */
@ApplicationScoped
public class AutoCloser {

    static final String SYSTEM = "system:auto-close";
    private static final int BATCH = 500;

    private final EntityManager em;
    private final FeedbackConfig config;
    private final FeedbackEvents events;
    private final History history;

    public AutoCloser(EntityManager em, FeedbackConfig config, FeedbackEvents events, History history) {
        this.em = em;
        this.config = config;
        this.events = events;
        this.history = history;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${feedback.auto-close-every:1h}", delayed = "${feedback.auto-close-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (close(LocalDate.now(HolidayCalendar.ZONE)) == BATCH) {
            // more waiting: the next batch in its own transaction
        }
    }

    /** Closes (one batch of) the answered cases whose reopen window ended before {@code today}. */
    @Transactional
    public int close(LocalDate today) {
        // answered on day D can be reopened until D + window: closed from D + window + 1 (ward time)
        OffsetDateTime answeredBefore = today.minusDays(config.reopenWindowDays()).atStartOfDay(HolidayCalendar.ZONE)
                .toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from feedback where status = 'ANSWERED'"
                + " and answered_at < :before order by answered_at limit " + BATCH + " for update skip locked")
                .setParameter("before", answeredBefore).getResultList();
        for (UUID id : ids) {
            Feedback f = Feedback.findById(id);
            f.status = FeedbackStatus.CLOSED;
            f.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
            history.record(f, SYSTEM, "AUTO_CLOSE", FeedbackStatus.ANSWERED,
                    "no reopen within " + config.reopenWindowDays() + " days");
            events.publish(FeedbackEvents.Kind.CLOSED, f, SYSTEM);
        }
        return ids.size();
    }
}
