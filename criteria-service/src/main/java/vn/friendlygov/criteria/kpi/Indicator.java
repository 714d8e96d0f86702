package vn.friendlygov.criteria.kpi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A measurable target of a plan: a percentage (numerator / denominator ≥ or > target) or a count per period
 * (at least {@code target} per week or month). {@code source} says who measures it: people through the API
 * ({@code MANUAL}) or this service from feedback events ({@code FEEDBACK_EVENTS}).
 */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "criterion_code", nullable = false)
    public String criterionCode;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(nullable = false)
    public String periodicity;

    @Column(nullable = false)
    public String measure;

    @Column(nullable = false)
    public String comparator;

    @Column(nullable = false)
    public BigDecimal target;

    @Column(nullable = false)
    public String source;

    public boolean isPercent() {
        return "PERCENT".equals(measure);
    }

    /** MET when the value reaches the target. */
    public boolean meets(BigDecimal value) {
        int c = value.compareTo(target);
        return "GT".equals(comparator) ? c > 0 : c >= 0;
    }
}
