package vn.friendlygov.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A file of one revision of an evidence record; immutable once written. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "evidence_id")
    public UUID evidenceId;

    public int revision;

    public String sha256;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    public long size;

    @Column(name = "captured_at")
    public OffsetDateTime capturedAt;

    public Double latitude;

    public Double longitude;

    /** A photo whose EXIF capture date lies outside the task's period: the reviewer should look twice. */
    @Column(name = "outside_period")
    public boolean outsidePeriod;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
