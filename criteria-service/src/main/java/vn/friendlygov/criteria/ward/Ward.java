package vn.friendlygov.criteria.ward;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** One ward, commune or special zone of the city as the registry describes it. */
@Entity
@Table(name = "ward")
public class Ward extends PanacheEntityBase {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WardKind kind;

    @Column(nullable = false)
    public String name;

    public String province;

    public String address;

    public String phone;

    public String email;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
