package vn.friendlygov.criteria.kpi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The value of an indicator for one period ("2026-W05", "2026-03", "2026-Q1"), who measured it and from what. */
@Entity
@Table(name = "measurement")
public class Measurement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "indicator_id", nullable = false)
    public UUID indicatorId;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public BigDecimal numerator;

    public BigDecimal denominator;

    @Column(nullable = false)
    public BigDecimal value;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String actor;

    @Column(name = "measured_at", nullable = false)
    public OffsetDateTime measuredAt;

    @Version
    @Column(nullable = false)
    public long version;
}
