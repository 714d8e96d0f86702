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

/** One occurrence of a plan task for one period, owned by a lead unit of a ward. */
@Entity
@Table(name = "task_occurrence")
public class TaskOccurrence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_unit", nullable = false)
    public String leadUnit;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
