package vn.friendlygov.criteria.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What this service reads of feedback-service's events: no personal data is read or kept. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackEvent(String feedbackId, String ward, String channel, OffsetDateTime receivedAt,
        OffsetDateTime answeredAt, Boolean answeredOnTime, LocalDate collectionDate) {
}
