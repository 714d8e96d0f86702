package vn.friendlygov.notification.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * What this service reads of criteria-service's task events (its own view of their schema). Fields added later to
 * the contract (dueDate, recurrence, coordinatingUnits, version) may be absent and are then null. {@code planCode} and
 * {@code itemId} are null for an ad-hoc task, set for a task generated from an imported plan.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEvent(String taskId, String ward, String planCode, String itemId, String leadUnit, List<String> coordinatingUnits,
        String title, LocalDate dueDate, String recurrence, String fromStatus, String toStatus, String action,
        String reason, Long version) {
}
