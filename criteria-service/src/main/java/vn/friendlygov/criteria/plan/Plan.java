package vn.friendlygov.criteria.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A ward's plan for one year ({@code phu-lien-2026}), as last imported. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public String title;

    @Column(name = "source_sha256", nullable = false)
    public String sourceSha256;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    public static String code(String ward, int year) {
        return ward + "-" + year;
    }
}
