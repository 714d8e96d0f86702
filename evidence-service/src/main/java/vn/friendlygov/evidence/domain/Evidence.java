package vn.friendlygov.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One piece of evidence for a task; its files are in revisions, its changes in the history. Never deleted. */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public String taskId;

    public String ward;

    /** The uploader's unit. */
    public String unit;

    @Enumerated(EnumType.STRING)
    public EvidenceKind kind;

    public String title;

    public String description;

    @Column(name = "activity_date")
    public LocalDate activityDate;

    public String place;

    public String url;

    @Enumerated(EnumType.STRING)
    public EvidenceState state;

    @Column(name = "current_revision")
    public int currentRevision;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    /** Optimistic concurrency: the ETag of the record; a stale If-Match is refused. */
    @Version
    public long version;
}
