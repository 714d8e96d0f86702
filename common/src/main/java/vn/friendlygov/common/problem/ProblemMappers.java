package vn.friendlygov.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error mapping of every service: each failure becomes an RFC 9457 problem+json answer, titled in
 * Vietnamese or English by {@code Accept-Language} (Vietnamese by default). Unexpected errors are logged with their
 * stack trace but the answer carries no internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.violations(), headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = "invalid fields: " + String.join(", ", violations.stream().map(Problem.Violation::field).toList());
        return respond(ProblemType.INVALID_REQUEST, detail, violations, headers, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.MALFORMED_JSON, "the body is not well-formed JSON: " + e.getOriginalMessage(),
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(JsonMappingException e, HttpHeaders headers, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getOriginalMessage() == null ? "invalid value" : firstLine(e.getOriginalMessage());
        return respond(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.Violation(field, message)), headers, uri);
    }

    /* Quarkus ships mappers for these subclasses that answer plain JSON; ours must be as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return mismatchedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, HttpHeaders headers, UriInfo uri) {
        return mismatchedJson(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, HttpHeaders headers, UriInfo uri) {
        return mismatchedJson(e, headers, uri);
    }

    /** Two people changed the same record at once: the later one is told so, never answered with a 500. */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "the record was changed by someone else meanwhile; reload it and try again",
                List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return unauthenticated(headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "your role does not allow this operation", List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        // the JSON body reader wraps Jackson's failures: answer for the cause
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonParseException parse) {
                return malformedJson(parse, headers, uri);
            }
            if (c instanceof JsonMappingException mapping) {
                return mismatchedJson(mapping, headers, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? null : e.getMessage();
        Response r = respond(ProblemType.forStatus(status), detail, List.of(), headers, uri, status);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.error("unexpected error", e);
        return respond(ProblemType.INTERNAL, null, List.of(), headers, uri);
    }

    private static Response unauthenticated(HttpHeaders headers, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                "a valid bearer token is required", List.of(), headers, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(ProblemType type, String detail, List<Problem.Violation> violations,
            HttpHeaders headers, UriInfo uri) {
        return respond(type, detail, violations, headers, uri, type.status());
    }

    private static Response respond(ProblemType type, String detail, List<Problem.Violation> violations,
            HttpHeaders headers, UriInfo uri, int status) {
        Problem p = new Problem(type.uri(), type.title(locale(headers)), status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The language of the answer: English or Vietnamese from {@code Accept-Language}, Vietnamese by default. */
    public static Locale locale(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if ("en".equals(l.getLanguage()) || "vi".equals(l.getLanguage())) {
                    return l;
                }
            }
        }
        return Locale.forLanguageTag("vi");
    }

    /** {@code create.request.items[2].title} as a client sees it: {@code items[2].title}. */
    static String fieldOf(Path path) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // a node inside a list or map carries its position in that container: items[1].title, photos[0]
                if (node.isInIterable()) {
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (at != null) {
                        property.append('[').append(at).append(']');
                    }
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null ? path.toString() : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
