package vn.friendlygov.notification.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** This service's copy of a task of criteria-service: enough to plan reminders and write digests. */
@Entity
@Table(name = "task_view")
public class TaskView extends PanacheEntityBase {

    /** States in which nothing more is expected of the unit: pending reminders are cancelled. */
    public static final Set<String> DONE = Set.of("APPROVED", "CANCELLED");

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Column(nullable = false)
    public String ward;

    @Column(name = "plan_code")
    public String planCode;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_unit", nullable = false)
    public String leadUnit;

    @Column(name = "coordinating_units")
    public String coordinatingUnits;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String recurrence;

    @Column(nullable = false)
    public String status;

    public Long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean done() {
        return DONE.contains(status);
    }
}
