package vn.friendlygov.feedback.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** Wire records of surveys. */
public final class SurveyRequests {

    private SurveyRequests() {
    }

    public enum QuestionType {
        /** 1 (rất không hài lòng) … 5 (rất hài lòng). */
        SCALE,
        /** One of the listed options. */
        CHOICE,
        /** Free text. */
        TEXT
    }

    public record Question(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9_]+", message = "lower-case letters, digits or _")
            String code,
            @NotBlank @Size(max = 500) String text,
            @NotNull QuestionType type,
            @Size(max = 20) List<String> options,
            boolean required) {
    }

    public record SurveyDefinition(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Z0-9_-]+", message = "upper-case letters, digits, _ or -")
            String code,
            @NotBlank @Size(max = 300) String title,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Question> questions) {
    }

    public record Answers(@NotNull @Size(max = 50) Map<String, String> answers) {
    }

    public record PaperForms(@NotEmpty @Size(max = 1000) List<@NotNull @Valid Answers> forms) {
    }

    public record ResponseReceipt(String surveyCode, int count) {
    }

    /** One line of the summary table (bảng tổng hợp kết quả khảo sát). */
    public record SummaryLine(String questionCode, String question, String answer, long count, double percent) {
    }

    public record Summary(String surveyCode, String title, long responses, long online, long paper,
            List<SummaryLine> lines, Map<String, Double> averages) {
    }
}
