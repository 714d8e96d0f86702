package vn.friendlygov.evidence.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One audited change of an evidence record: who, when, from which state to which, and why. */
@Entity
@Table(name = "evidence_history")
public class EvidenceHistory extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "evidence_id")
    public UUID evidenceId;

    /** SUBMITTED, REVISED, ACCEPTED, REJECTED, WITHDRAWN. */
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public EvidenceState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public EvidenceState toState;

    public int revision;

    public String actor;

    public String reason;

    public OffsetDateTime at;
}
