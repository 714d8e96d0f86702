package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.notification.reminder.PlannedReminder;

/**
 * Writes planned reminders. The unique key makes planning idempotent: planning the same subject again, from two
 * replicas at once or from a redelivered event, adds nothing; a reminder already SENT is never touched again.
 */
@ApplicationScoped
public class ReminderStore {

    private static final int ROWS_PER_STATEMENT = 200;

    private final EntityManager em;

    public ReminderStore(EntityManager em) {
        this.em = em;
    }

    /** Inserts the plan; a reminder cancelled earlier and wanted again (same key) becomes PENDING again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(List<PlannedReminder> plan, OffsetDateTime now) {
        for (int from = 0; from < plan.size(); from += ROWS_PER_STATEMENT) {
            List<PlannedReminder> chunk = plan.subList(from, Math.min(plan.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("insert into reminder (id, reminder_key, ward, unit, subject_kind, "
                    + "subject_id, kind, audience, fire_at, status, title, body, created_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,'PENDING',?,?,?)");
            }
            sql.append(" on conflict (reminder_key) do update set status = 'PENDING', cancel_reason = null, "
                    + "fire_at = excluded.fire_at, title = excluded.title, body = excluded.body "
                    + "where reminder.status = 'CANCELLED'");
            Query q = em.createNativeQuery(sql.toString());
            int p = 1;
            for (PlannedReminder r : chunk) {
                q.setParameter(p++, UUID.randomUUID());
                q.setParameter(p++, r.key());
                q.setParameter(p++, r.ward());
                q.setParameter(p++, r.unit());
                q.setParameter(p++, r.subjectKind());
                q.setParameter(p++, r.subjectId());
                q.setParameter(p++, r.kind().name());
                q.setParameter(p++, r.audience().name());
                q.setParameter(p++, r.fireAt());
                q.setParameter(p++, r.title());
                q.setParameter(p++, r.body());
                q.setParameter(p++, now);
            }
            q.executeUpdate();
        }
    }

    /** Cancels all the subject's pending reminders (it is done, or has no deadline any more). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(String subjectKind, String subjectId, String reason) {
        return em.createQuery("update Reminder set status = 'CANCELLED', cancelReason = :reason "
                + "where subjectKind = :kind and subjectId = :id and status = 'PENDING'")
                .setParameter("reason", reason).setParameter("kind", subjectKind).setParameter("id", subjectId)
                .executeUpdate();
    }

    /**
     * Cancels the subject's pending reminders whose key is not in {@code keep} — except those already due for the
     * same deadline (key starting with {@code duePrefix}): a plan only lists reminders still ahead, and one whose
     * time came a moment ago, not yet taken by the dispatcher, is still wanted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPendingExcept(String subjectKind, String subjectId, List<String> keep, String duePrefix,
            OffsetDateTime now, String reason) {
        String sql = "update Reminder set status = 'CANCELLED', cancelReason = :reason where subjectKind = :kind "
                + "and subjectId = :id and status = 'PENDING' and not (fireAt <= :now and key like :prefix)"
                + (keep.isEmpty() ? "" : " and key not in :keep");
        var q = em.createQuery(sql).setParameter("reason", reason).setParameter("kind", subjectKind)
                .setParameter("id", subjectId).setParameter("now", now)
                .setParameter("prefix", duePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
        if (!keep.isEmpty()) {
            q.setParameter("keep", keep);
        }
        return q.executeUpdate();
    }
}
