package vn.friendlygov.evidence.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The local read model of a criteria-service task: enough to authorise uploads, flag photos and report. */
@Entity
@Table(name = "task_view")
public class TaskView extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public String taskId;

    public String ward;

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "item_id")
    public String itemId;

    @Column(name = "criterion_code")
    public String criterionCode;

    public String title;

    @Column(name = "lead_unit")
    public String leadUnit;

    /** Unit codes wrapped in commas ({@code ,KT,VHXH,}) so that SQL can match one unit with {@code like '%,KT,%'}. */
    @Column(name = "coordinating_units")
    public String coordinatingUnits = "";

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String status;

    @Column(name = "expected_evidence")
    public String expectedEvidence;

    /** The producer's version of the task; an older event never overwrites a newer state. */
    public Long version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<String> coordinatingUnitList() {
        return Arrays.stream(coordinatingUnits.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public void coordinatingUnits(List<String> units) {
        coordinatingUnits = units == null || units.isEmpty() ? "" : "," + String.join(",", units) + ",";
    }

    /** Lead unit or one of the coordinating units. */
    public boolean involves(String unit) {
        return unit != null && (unit.equals(leadUnit) || coordinatingUnitList().contains(unit));
    }
}
