package vn.friendlygov.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem details document, the body of every error answer of every service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://friendlygov.vn/problems/";

    /** One invalid input: the field (a JSON path such as {@code items[2].title}, or a parameter name) and why. */
    public record Violation(String field, String message) {
    }
}
