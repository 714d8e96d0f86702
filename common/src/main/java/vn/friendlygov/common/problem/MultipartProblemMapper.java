package vn.friendlygov.common.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A multipart body the parser cannot read (cut short, no closing boundary) surfaces as an {@link IOException} from
 * RESTEasy Reactive's multipart parser, which common's catch-all would answer with 500. It is the client's fault:
 * 400. Any other I/O failure stays a logged 500. Shared by every service that takes {@code @RestForm} multipart
 * (moved here from evidence-service, which now reads its uploads with its own streaming reader).
 */
public class MultipartProblemMapper {

    private static final Logger LOG = Logger.getLogger(MultipartProblemMapper.class);
    private static final String PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart";

    @ServerExceptionMapper
    public Response io(IOException e, HttpHeaders headers, UriInfo uri) {
        boolean fromParser = e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().startsWith(PARSER_PACKAGE);
        ProblemType type = fromParser ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL;
        if (!fromParser) {
            LOG.error("I/O failure", e);
        }
        String detail = fromParser ? "the multipart body is malformed: " + e.getMessage() : null;
        Problem p = new Problem(type.uri(), type.title(ProblemMappers.locale(headers)), type.status(), detail,
                uri == null ? null : uri.getRequestUri().getRawPath(),
                fromParser ? List.of(new Problem.Violation("body", "malformed multipart/form-data")) : List.of());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
