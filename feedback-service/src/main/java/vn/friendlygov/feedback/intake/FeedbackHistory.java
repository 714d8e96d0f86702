package vn.friendlygov.feedback.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit trail: who changed a case, when, from what to what. */
@Entity
@Table(name = "feedback_history")
public class FeedbackHistory extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "feedback_id")
    public UUID feedbackId;
    public OffsetDateTime at;
    public String actor;
    public String action;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    public String note;
}
