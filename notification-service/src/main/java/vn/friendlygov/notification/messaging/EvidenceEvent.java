package vn.friendlygov.notification.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of evidence-service's evidence events. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvidenceEvent(String evidenceId, String taskId, String ward, String unit, String kind, String title,
        Integer revision, String state, String reason) {
}
