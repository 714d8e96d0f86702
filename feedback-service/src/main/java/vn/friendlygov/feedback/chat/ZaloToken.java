package vn.friendlygov.feedback.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The stored token pair of one OA (encrypted at rest, SecretColumn). */
@Entity
@Table(name = "zalo_token")
public class ZaloToken {

    @Id
    @Column(name = "oa_id")
    public String oaId;
    @Column(name = "access_token")
    @Convert(converter = SecretColumn.class)
    public String accessToken;
    @Column(name = "refresh_token")
    @Convert(converter = SecretColumn.class)
    public String refreshToken;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
