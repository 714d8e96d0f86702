package vn.friendlygov.feedback.open311;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** A client of the Open311 door (the city's app…), known by the SHA-256 of its api_key; ward null = city-wide. */
@Entity
@Table(name = "open311_client")
public class Open311Client extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String ward;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    public static Optional<Open311Client> byKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        return byHash(hash(apiKey));
    }

    /** The client whose api_key has this SHA-256, unless revoked. */
    public static Optional<Open311Client> byHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }

    public static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean serves(String jurisdiction) {
        return ward == null || ward.equals(jurisdiction);
    }
}
