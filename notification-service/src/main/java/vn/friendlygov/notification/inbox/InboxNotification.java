package vn.friendlygov.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An in-app notification addressed to a unit of a ward (every person of the unit sees it). */
@Entity
@Table(name = "inbox_notification")
public class InboxNotification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(columnDefinition = "text")
    public String body;

    /** The task, feedback case or evidence the notification is about. */
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** When it was inserted or last gained items: set by the database (default and trigger, V5), never by us. */
    @Column(name = "changed_at", insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    /** How many items the notification stands for: more than 1 for a summary (InboxService.notifyPlanTask). */
    @Column(name = "item_count", nullable = false)
    public int itemCount = 1;
}
