package vn.friendlygov.criteria.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A criterion, group or item of a plan, identified within the plan by its position key ("2.4.3"). Unit lists are
 * stored as comma-separated unit codes.
 */
@Entity
@Table(name = "plan_item")
public class PlanItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(name = "item_key", nullable = false)
    public String key;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "criterion_code", nullable = false)
    public String criterionCode;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int position;

    @Column(name = "source_line", nullable = false)
    public int sourceLine;

    @Column(nullable = false)
    public String title;

    @Column(name = "time_frame")
    public String timeFrame;

    @Column(name = "time_frame_raw")
    public String timeFrameRaw;

    public String frequency;

    @Column(name = "lead_units", nullable = false)
    public String leadUnits = "";

    @Column(name = "coordinating_units", nullable = false)
    public String coordinatingUnits = "";

    @Column(name = "expected_evidence")
    public String expectedEvidence;

    @Column(name = "target_comparator")
    public String targetComparator;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Column(nullable = false)
    public boolean active = true;

    public static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    public static String join(List<String> codes) {
        return String.join(",", codes);
    }
}
