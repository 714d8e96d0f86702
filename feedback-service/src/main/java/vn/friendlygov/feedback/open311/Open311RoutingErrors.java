package vn.friendlygov.feedback.open311;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemType;

/**
 * Errors raised before a resource method is chosen (unknown path, wrong method, wrong content type): GeoReport's
 * format under {@code /open311}, problem+json elsewhere, as common's mapper would answer.
 */
public class Open311RoutingErrors {

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        return answer(e, uri, headers, "POST requests as application/x-www-form-urlencoded");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return answer(e, uri, headers, "not found");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, HttpHeaders headers) {
        Response r = answer(e, uri, headers, "method not allowed");
        String allow = e.getResponse().getHeaderString("Allow");
        return allow == null ? r : Response.fromResponse(r).header("Allow", allow).build();
    }

    private static Response answer(ClientErrorException e, UriInfo uri, HttpHeaders headers, String description) {
        int status = e.getResponse().getStatus();
        String path = uri.getPath();
        if (path.startsWith("/open311")) {
            return Open311Errors.response(path.endsWith(".xml") ? "xml" : "json", status, description);
        }
        ProblemType type = ProblemType.forStatus(status);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(locale(headers)), status, null, uri.getRequestUri().getRawPath(),
                        null)).build();
    }

    /** As common's ProblemMappers: English when asked for before Vietnamese, else Vietnamese. */
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
}
