package vn.friendlygov.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One message to one recipient over one channel, with its retry state. */
@Entity
@Table(name = "outgoing_message")
public class OutgoingMessage extends PanacheEntityBase {

    public enum Status { PENDING, SENT, FAILED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String unit;

    /** The person of the ward the message is for; null for a letter's addressee. */
    @Column(name = "recipient_id")
    public UUID recipientId;

    /** The issued letter the message delivers (its addressee's contact is on the letter); null for reminders. */
    @Column(name = "letter_id")
    public UUID letterId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_text", nullable = false, columnDefinition = "text")
    public String bodyText;

    @Column(name = "body_html", columnDefinition = "text")
    public String bodyHtml;

    /** The reminder key (or other source) the message was made for: one message per source, recipient, channel. */
    /** Named values a provider's template may use (JSON object of strings), beside subject and text. */
    @Column(columnDefinition = "text")
    public String params;

    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "fallback_channel")
    public String fallbackChannel;

    @Column(name = "fallback_of")
    public UUID fallbackOf;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
