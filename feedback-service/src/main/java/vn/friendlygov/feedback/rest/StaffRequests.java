package vn.friendlygov.feedback.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.intake.Priority;

/** Wire records of the staff API. */
public final class StaffRequests {

    private StaffRequests() {
    }

    /** A hotline call, a walk-in or a citizen-reception session, typed by the officer. */
    public record EntryRequest(
            @NotNull FeedbackChannel channel,
            @NotBlank @Size(max = 5000) String content,
            @Size(max = 50) String category,
            @Size(max = 200) String callerName,
            @Size(max = 30) String callerPhone,
            @Email @Size(max = 254) String callerEmail,
            @Size(max = 500) String callerAddress,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** One paper collection: a suggestion box opened, or the Fatherland Front's weekly hand-over. */
    public record BatchRequest(
            @NotNull FeedbackChannel channel,
            @NotNull LocalDate collectionDate,
            @NotBlank @Size(max = 200) String source,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid BatchItem> items) {
    }

    public record BatchItem(
            @NotBlank @Size(max = 5000) String content,
            @Size(max = 50) String category,
            @Size(max = 200) String name,
            @Size(max = 30) String phone,
            @Size(max = 500) String address) {
    }

    public record BatchReceipt(int count, List<CitizenRequests.Receipt> items) {
    }

    public record AssignRequest(@NotBlank @Size(max = 50) String unit, @Size(max = 2000) String note) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 10000) String answer) {
    }

    public record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record DuplicateRequest(@NotNull UUID duplicateOf) {
    }

    public record CategoryRequest(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z0-9_-]+", message = "upper-case letters, digits, _ or -")
            String code,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 50) String unit,
            @NotNull @Min(1) @Max(60) Integer slaDays,
            @NotNull Priority priority) {
    }

    public record CaseSummary(UUID id, String trackingCode, String channel, String category, String unit,
            String priority, String status, Instant receivedAt, LocalDate dueDate, boolean overdue,
            String suggestedDuplicate, long version) {
    }

    public record HistoryView(Instant at, String actor, String action, String fromStatus, String toStatus,
            String note) {
    }

    public record MessageView(Instant receivedAt, String kind, String text, String url) {
    }

    /** The whole case, with the citizen's details: for staff of the case's ward (and unit) only. */
    public record CaseDetail(CaseSummary summary, String content, String callerName, String callerPhone,
            String callerEmail, String callerAddress, Double latitude, Double longitude, String photos,
            String attributes, LocalDate collectionDate, String collectionSource, String recordedBy, String answer,
            Instant answeredAt, Boolean answeredOnTime, String rejectReason, String duplicateOf, Integer rating,
            String ratingComment, int reopenCount, List<MessageView> messages, List<HistoryView> history,
            List<RatingView> ratings) {
    }

    /** Every rating the case received, one per answer (answerRound 0 = the first answer). */
    public record RatingView(int answerRound, int rating, String comment, Instant ratedAt) {
    }
}
