package vn.friendlygov.notification.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** This service's copy of a citizen feedback case (no personal data: the events carry none). */
@Entity
@Table(name = "feedback_view")
public class FeedbackView extends PanacheEntityBase {

    /** States after which the unit owes no answer any more. */
    public static final Set<String> DONE = Set.of("ANSWERED", "CLOSED", "REJECTED");

    @Id
    @Column(name = "feedback_id")
    public String feedbackId;

    @Column(name = "tracking_code")
    public String trackingCode;

    @Column(nullable = false)
    public String ward;

    public String unit;

    public String category;

    public String channel;

    @Column(nullable = false)
    public String status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean done() {
        return DONE.contains(status);
    }
}
