package vn.friendlygov.criteria.task;

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
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.schedule.Recurrence;

/**
 * One occurrence of a plan item for one period, owned by a lead unit of a ward (or an ad-hoc task without an item).
 * {@code overdue} is a flag beside the status: an overdue task keeps its state and can still be finished.
 */
@Entity
@Table(name = "task_occurrence")
public class TaskOccurrence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(name = "plan_code")
    public String planCode;

    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "criterion_code")
    public String criterionCode;

    @Column(nullable = false)
    public String title;

    @Column(name = "title_folded", nullable = false)
    public String titleFolded;

    @Column(name = "lead_unit", nullable = false)
    public String leadUnit;

    @Column(name = "coordinating_units", nullable = false)
    public String coordinatingUnits = "";

    /** The slot of the item's schedule this occurrence fills ("once", "W05", "Q1", …); null for ad-hoc tasks. */
    @Column(name = "period_key")
    public String periodKey;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recurrence recurrence = Recurrence.ONCE;

    @Column(name = "expected_evidence")
    public String expectedEvidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "evidence_count", nullable = false)
    public int evidenceCount;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public void setTitle(String title) {
        this.title = VietnameseText.nfc(title);
        this.titleFolded = VietnameseText.fold(this.title);
    }
}
