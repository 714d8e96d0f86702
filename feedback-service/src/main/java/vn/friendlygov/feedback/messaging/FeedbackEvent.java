package vn.friendlygov.feedback.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import vn.friendlygov.feedback.intake.Feedback;

/**
 * The data of every {@code feedback.feedback-events.v1} event. No personal data: no names, phones, e-mails,
 * addresses or chat ids of citizens, and not the text either (it may contain them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackEvent(String feedbackId, String trackingCode, String ward, String channel, String category,
        String unit, String status, Instant receivedAt, LocalDate dueDate, Instant answeredAt, Boolean answeredOnTime,
        Integer rating, LocalDate collectionDate, String actor) {

    static FeedbackEvent of(Feedback f, String actor, boolean withAnswer, boolean withRating) {
        return new FeedbackEvent(f.id.toString(), f.trackingCode, f.ward, f.channel.name(), f.category, f.unit,
                f.status.name(), f.receivedAt.toInstant(), f.dueDate,
                f.answeredAt == null ? null : f.answeredAt.toInstant(),
                withAnswer ? f.answeredOnTime : null, withRating ? f.rating : null, f.collectionDate, actor);
    }
}
