package vn.friendlygov.criteria.ward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A ward's profile as one change left it (JSON of {@code WardEvents.WardProfile}), with who changed it and when. */
@Entity
@Table(name = "ward_history")
public class WardHistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ward_code", nullable = false)
    public String wardCode;

    @Column(nullable = false)
    public long version;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String profile;
}
