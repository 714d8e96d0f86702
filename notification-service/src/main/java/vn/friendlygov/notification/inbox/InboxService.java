package vn.friendlygov.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

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
}
