package vn.friendlygov.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A provider's current OAuth tokens, shared by all replicas. */
@Entity
@Table(name = "provider_token")
public class ProviderToken extends PanacheEntityBase {

    @Id
    public String provider;

    @Column(name = "access_token")
    public String accessToken;

    @Column(name = "refresh_token")
    public String refreshToken;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
