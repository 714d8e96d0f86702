package vn.friendlygov.notification.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A reminder computed ahead, identified by its unique key (subject, kind, day): it can be planned but once. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    public enum Status { PENDING, SENT, CANCELLED }

    /** Who hears it: the unit, the unit's head (escalation), or the ward's leader (escalation). */
    public enum Audience { UNIT, HEAD, LEADER }

    public enum Kind { BEFORE_DUE, DUE_TODAY, OVERDUE, ESCALATE_HEAD, ESCALATE_LEADER, DIGEST, DUTY }

    @Id
    public UUID id;

    @Column(name = "reminder_key", nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String unit;

    /** TASK, FEEDBACK, DIGEST or DUTY. */
    @Column(name = "subject_kind", nullable = false)
    public String subjectKind;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String audience;

    @Column(name = "fire_at", nullable = false)
    public OffsetDateTime fireAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String title;

    @Column(columnDefinition = "text")
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "cancel_reason")
    public String cancelReason;
}
