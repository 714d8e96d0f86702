package vn.friendlygov.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;

/**
 * Puts notifications into a unit's inbox. The (source, ward, unit) triple is unique, so a notification produced
 * twice from the same source (a redelivered event, a reminder dispatched by two replicas) exists once.
 */
@ApplicationScoped
public class InboxService {

    private final EntityManager em;
    private final Clock clock;

    public InboxService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Returns the new notification, or {@code null} when this source had already notified this unit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public InboxNotification notify(String ward, String unit, String kind, String title, String body,
            String subjectId, String sourceId) {
        InboxNotification n = new InboxNotification();
        n.id = UUID.randomUUID();
        n.ward = ward;
        n.unit = unit;
        n.kind = kind;
        n.title = title;
        n.body = body;
        n.subjectId = subjectId;
        n.sourceEventId = sourceId;
        n.createdAt = OffsetDateTime.now(clock);
        int inserted = em.createNativeQuery("insert into inbox_notification (id, ward, unit, kind, title, body, "
                + "subject_id, source_event_id, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                + "on conflict (source_event_id, ward, unit) do nothing")
                .setParameter(1, n.id).setParameter(2, ward).setParameter(3, unit).setParameter(4, kind)
                .setParameter(5, title).setParameter(6, body).setParameter(7, subjectId).setParameter(8, sourceId)
                .setParameter(9, n.createdAt)
                .executeUpdate();
        // the table's trigger NOTIFYs the live stream of every replica once this transaction commits (InboxListener)
        return inserted == 0 ? null : n;
    }

    /**
     * A task generated from an imported plan: the unit's notification for that plan and day counts one more task
     * (an import creates hundreds at once). The first task of the day makes a notification like any other
     * ({@code TASK_ASSIGNED}, about the task); the next turn it into a summary ({@code PLAN_TASKS_ASSIGNED}, about the
     * plan, "Kế hoạch …: n nhiệm vụ mới được giao"), unread again and dated now. Runs once per event: the caller's
     * ledger of processed events keeps a redelivered event from counting twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyPlanTask(String ward, String unit, String planCode, String taskId, String taskTitle) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String source = "plan-tasks:" + planCode + ":" + LocalDate.ofInstant(now.toInstant(), HolidayCalendar.ZONE);
        em.createNativeQuery("insert into inbox_notification as n (id, ward, unit, kind, title, body, subject_id, "
                + "source_event_id, created_at, item_count) values (?1, ?2, ?3, 'TASK_ASSIGNED', ?4, null, ?5, ?6, ?7, 1) "
                + "on conflict (source_event_id, ward, unit) do update set item_count = n.item_count + 1, "
                + "kind = 'PLAN_TASKS_ASSIGNED', title = 'Kế hoạch ' || ?8 || ': ' || (n.item_count + 1) "
                + "|| ' nhiệm vụ mới được giao', body = 'Mới nhất: ' || ?9, subject_id = ?8, read_at = null, "
                + "created_at = excluded.created_at")
                .setParameter(1, UUID.randomUUID()).setParameter(2, ward).setParameter(3, unit)
                .setParameter(4, "Nhiệm vụ mới: " + taskTitle).setParameter(5, taskId).setParameter(6, source)
                .setParameter(7, now).setParameter(8, planCode).setParameter(9, taskTitle)
                .executeUpdate();
    }
}
