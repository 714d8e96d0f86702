package vn.friendlygov.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One try to hand a message to its provider, with the provider's answer as received. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(nullable = false)
    public String channel;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(nullable = false)
    public boolean success;

    @Column(name = "provider_answer")
    public String providerAnswer;
}
