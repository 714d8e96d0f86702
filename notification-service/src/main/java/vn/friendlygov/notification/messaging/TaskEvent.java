package vn.friendlygov.notification.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** What this service reads of criteria-service's task events (its own view of their schema). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskEvent(String taskId, String ward, String leadUnit, String title, LocalDate dueDate,
        String fromStatus, String toStatus, String action, String reason) {
}
