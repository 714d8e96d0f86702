package vn.friendlygov.evidence.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.evidence.domain.EvidenceState;
import vn.friendlygov.evidence.rest.EvidenceViews.EvidencePage;
import vn.friendlygov.evidence.rest.EvidenceViews.EvidenceView;
import vn.friendlygov.evidence.rest.EvidenceViews.ReviewRequest;
import vn.friendlygov.evidence.rest.EvidenceViews.WithdrawRequest;
import vn.friendlygov.evidence.service.EvidenceQueries;
import vn.friendlygov.evidence.service.EvidenceService;
import vn.friendlygov.evidence.upload.RequestBodyStream;

/**
 * Evidence records. Uploads are multipart bodies read as a stream: files go straight into the store's incoming
 * directory while they are hashed, never held in memory and never spooled elsewhere first.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    /** An upload that sends nothing for this long is abandoned. */
    private static final long BODY_IDLE_TIMEOUT_MS = 60_000;

    private final EvidenceService service;
    private final EvidenceQueries queries;

    public EvidenceResource(EvidenceService service, EvidenceQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    /**
     * Multipart: {@code kind}, {@code title}, {@code description}, {@code activityDate}, {@code place}, {@code url}
     * and file parts. Quarkus REST does not read the body (no body parameter): it is read by
     * {@link vn.friendlygov.evidence.upload.UploadReceiver} in one pass, only after the task and the caller's right to
     * submit are checked.
     */
    @POST
    @Path("/tasks/{taskId}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.OFFICER)
    public Response submit(@PathParam("taskId") String taskId, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            RoutingContext rc) {
        EvidenceQueries.Found created = uploading(rc, () -> service.submit(taskId, body(rc), contentType));
        EvidenceView view = EvidenceView.of(created.evidence(), created.files(), created.history());
        return Response.created(URI.create("/api/v1/evidence/" + view.id())).tag(etag(view)).entity(view).build();
    }

    /** Multipart: file parts and an optional {@code note}. */
    @POST
    @Path("/evidence/{id}/revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.OFFICER)
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RoutingContext rc) {
        uploading(rc, () -> {
            service.revise(id, body(rc), contentType, ifMatch);
            return id;
        });
        return ok(id);
    }

    @POST
    @Path("/evidence/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LEADER})
    public Response review(@PathParam("id") UUID id, ReviewRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        String decision = request == null || request.decision() == null ? "" : request.decision().toUpperCase(Locale.ROOT);
        if (!decision.equals("ACCEPT") && !decision.equals("REJECT")) {
            throw ProblemException.invalid("decision", "ACCEPT or REJECT");
        }
        service.review(id, decision.equals("ACCEPT"), request.reason(), ifMatch);
        return ok(id);
    }

    @POST
    @Path("/evidence/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    public Response withdraw(@PathParam("id") UUID id, WithdrawRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.withdraw(id, request == null ? null : request.reason(), ifMatch);
        return ok(id);
    }

    @GET
    @Path("/evidence/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.REVIEWER, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        return ok(id);
    }

    @GET
    @Path("/evidence")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.REVIEWER, Roles.ADMIN})
    public EvidencePage list(@QueryParam("ward") String ward, @QueryParam("taskId") String taskId,
            @QueryParam("itemId") String itemId, @QueryParam("criterionCode") String criterionCode,
            @QueryParam("unit") String unit, @QueryParam("from") String fromParam, @QueryParam("to") String toParam,
            @QueryParam("state") String state, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (state != null && !state.isBlank()) {
            try {
                state = EvidenceState.valueOf(state.strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("state", "one of SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN");
            }
        } else {
            state = null;
        }
        LocalDate from = date("from", fromParam);
        LocalDate to = date("to", toParam);
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "between 1 and 200");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid("from", "after to");
        }
        EvidenceQueries.Page found = queries.list(new EvidenceQueries.Filter(ward, taskId, itemId, criterionCode, unit,
                from, to, state, page, size));
        return new EvidencePage(found.items().stream()
                .map(f -> EvidenceView.of(f.evidence(), f.files(), f.history())).toList(), found.total());
    }

    /** Dates as query parameters: a bad one is a 400 naming the parameter (JAX-RS conversion would answer 404). */
    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "not an ISO date such as 2026-03-31");
        }
    }

    private Response ok(UUID id) {
        EvidenceView view = view(id);
        return Response.ok(view).tag(etag(view)).build();
    }

    private EvidenceView view(UUID id) {
        EvidenceQueries.Found f = queries.one(id);
        return EvidenceView.of(f.evidence(), f.files(), f.history());
    }

    private static jakarta.ws.rs.core.EntityTag etag(EvidenceView view) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(view.version()));
    }

    /** The body, opened only when the service asks for it (after its checks). */
    private static Supplier<InputStream> body(RoutingContext rc) {
        return () -> new RequestBodyStream(rc.request(), BODY_IDLE_TIMEOUT_MS);
    }

    /**
     * Runs an upload. When it is refused before the whole body was read (a check before the body, a body over the
     * limit), the connection is closed after the answer instead of reading the rest of a body nobody will use.
     */
    private static <T> T uploading(RoutingContext rc, Supplier<T> upload) {
        try {
            return upload.get();
        } catch (RuntimeException e) {
            if (!rc.request().isEnded()) {
                rc.response().headers().set("Connection", "close");
                rc.addEndHandler(ended -> rc.request().connection().close());
            }
            throw e;
        }
    }
}
