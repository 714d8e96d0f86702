package vn.friendlygov.criteria.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An evidence record of evidence-service as this service knows it: which task it proves and its latest state. */
@Entity
@Table(name = "task_evidence")
public class TaskEvidence extends PanacheEntityBase {

    @Id
    @Column(name = "evidence_id")
    public String evidenceId;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(nullable = false)
    public String state;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
