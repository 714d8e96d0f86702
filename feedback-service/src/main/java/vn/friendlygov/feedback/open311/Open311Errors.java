package vn.friendlygov.feedback.open311;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * GeoReport v2's error format: a list of {@code {code, description}}, in JSON as an array, in XML as
 * {@code <errors><error><code/><description/></error></errors>}, with the HTTP status of the error.
 */
public final class Open311Errors {

    private Open311Errors() {
    }

    public static Response response(String format, int status, String description) {
        List<Map<String, Object>> errors = List.of(Open311Render.fields("code", status, "description", description));
        return Open311Render.render(format, "errors", "error", errors, status);
    }
}
