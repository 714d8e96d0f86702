package vn.friendlygov.feedback.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An answer owed to a citizen on a chat channel; sent after the commit, retried until accepted. */
@Entity
@Table(name = "outgoing_reply")
public class OutgoingReply extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "feedback_id")
    public UUID feedbackId;
    public String channel;
    public String recipient;
    public String text;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
}
