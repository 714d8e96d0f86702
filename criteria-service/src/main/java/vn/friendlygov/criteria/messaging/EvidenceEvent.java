package vn.friendlygov.criteria.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of evidence-service's events (its own view of their schema). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceEvent(String evidenceId, String taskId, String ward, String unit, String state, String actor) {
}
