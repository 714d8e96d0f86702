package vn.friendlygov.evidence.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * What this service reads of criteria-service's task events (its own view of their schema). Fields added later by
 * the producer (coordinatingUnits, periodStart, periodEnd...) are read when present and may be absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEventData(String taskId, String ward, String planCode, String itemId, String criterionCode,
        String title, String leadUnit, List<String> coordinatingUnits, LocalDate periodStart, LocalDate periodEnd,
        LocalDate dueDate, String toStatus, Long version, String expectedEvidence) {
}
