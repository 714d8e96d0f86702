package vn.friendlygov.feedback.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A further message of the same citizen on an open case (a chat channel's text, image or file). */
@Entity
@Table(name = "feedback_message")
public class FeedbackMessage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "feedback_id")
    public UUID feedbackId;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    public String kind;
    public String text;
    public String url;
}
