package vn.friendlygov.evidence.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The schema of {@code evidence.evidence-events.v1}, owned by this service (see docs/…-event-contracts.md). */
public final class EvidenceEvents {

    public static final String TOPIC = "evidence.evidence-events.v1";
    public static final String SUBMITTED = "vn.friendlygov.evidence.evidence.submitted.v1";
    public static final String REVISED = "vn.friendlygov.evidence.evidence.revised.v1";
    public static final String REVIEWED = "vn.friendlygov.evidence.evidence.reviewed.v1";
    public static final String WITHDRAWN = "vn.friendlygov.evidence.evidence.withdrawn.v1";

    private EvidenceEvents() {
    }

    /** Data of every type: the evidence as it is after the change, and who made it and why. */
    public record EvidenceChanged(UUID evidenceId, String taskId, String ward, String unit, String kind, String title,
            int revision, String state, String actor, String reason, OffsetDateTime occurredAt) {
    }
}
