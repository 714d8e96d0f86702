package vn.friendlygov.notification.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What this service reads of feedback-service's feedback events. They carry no personal data of citizens. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackEvent(String feedbackId, String trackingCode, String ward, String channel, String category,
        String unit, String status, LocalDate dueDate, OffsetDateTime answeredAt) {
}
