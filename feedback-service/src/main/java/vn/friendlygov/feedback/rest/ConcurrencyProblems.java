package vn.friendlygov.feedback.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.open311.Open311RoutingErrors;

/** Two people changed the same case at once: the later one is told so (409), never answered with a 500. */
public class ConcurrencyProblems {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        ProblemType t = ProblemType.CONFLICT;
        return Response.status(t.status()).type(Problem.MEDIA_TYPE).entity(new Problem(t.uri(),
                t.title(Open311RoutingErrors.locale(headers)), t.status(),
                "the case was changed by someone else meanwhile; reload it and try again",
                uri.getRequestUri().getRawPath(), null)).build();
    }
}
