package vn.friendlygov.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One distinct stored content; its row commits with the first record that uses it. */
@Entity
@Table(name = "stored_blob")
public class StoredBlob extends PanacheEntityBase {

    @Id
    public String sha256;

    public long size;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
