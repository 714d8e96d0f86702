package vn.friendlygov.feedback.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Wire records of the citizen door. */
public final class CitizenRequests {

    private CitizenRequests() {
    }

    /** A citizen's feedback; everything about the person is optional (anonymous feedback is welcome). */
    public record FeedbackRequest(
            @NotBlank @Size(max = 100) String ward,
            @NotBlank @Size(max = 5000) String content,
            @Size(max = 50) String category,
            @Size(max = 200) String name,
            @Size(max = 30) String phone,
            @Email @Size(max = 254) String email,
            @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            // items are checked by IntakeService, which names them photos[0] like the common mapper
            @Size(max = 10) List<String> photos) {
    }

    public record Receipt(String trackingCode, String status, LocalDate dueDate, Instant receivedAt) {
    }

    public record RatingRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    public record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** What anyone holding the code may see: never the citizen's details, nor their text. */
    public record TrackView(String trackingCode, String status, String channel, String category,
            String categoryName, Instant receivedAt, LocalDate dueDate, String answer, Instant answeredAt,
            LocalDate reopenUntil, Integer rating) {
    }
}
