package vn.friendlygov.evidence.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemType;

/**
 * Request body limits answered as problems. Quarkus refuses a body whose {@code Content-Length} is over
 * {@code quarkus.http.limits.max-body-size} with a bare 413; this route runs just before that check and answers the
 * same refusal as {@code application/problem+json}. On the two upload endpoints Quarkus' own byte counting is turned
 * off: {@link vn.friendlygov.evidence.upload.UploadReceiver} counts the streamed body against the same limit and
 * answers 413 as a problem too.
 */
@ApplicationScoped
public class BodyLimits {

    static final Pattern UPLOADS = Pattern.compile("/api/v1/(tasks/[^/]+/evidence|evidence/[^/]+/revisions)/?");

    void routes(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        if (maxBody.isEmpty()) {
            return;
        }
        long limit = maxBody.get().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declared(length) > limit) {
                tooLarge(rc, json, limit);
                return;
            }
            rc.next();
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(rc -> {
            if (rc.request().method() == HttpMethod.POST && UPLOADS.matcher(rc.request().path()).matches()) {
                rc.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
            }
            rc.next();
        });
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }

    private static void tooLarge(RoutingContext rc, ObjectMapper json, long limit) {
        String language = rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        Locale locale = language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(locale), type.status(),
                "the request body is larger than " + limit + " bytes", rc.request().path(),
                List.of(new Problem.Violation("body", "larger than " + limit + " bytes")));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: close the connection once the answer is out
        rc.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> rc.request().connection().close())
                .end(body);
    }
}
