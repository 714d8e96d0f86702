package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Function;
import vn.friendlygov.common.rest.IfMatch;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.rest.StaffRequests.AnswerRequest;
import vn.friendlygov.feedback.rest.StaffRequests.AssignRequest;
import vn.friendlygov.feedback.rest.StaffRequests.CaseDetail;
import vn.friendlygov.feedback.rest.StaffRequests.DuplicateRequest;
import vn.friendlygov.feedback.rest.StaffRequests.RejectRequest;
import vn.friendlygov.feedback.service.LifecycleService;

/**
 * One case: its detail (with ETag = version) and the staff steps. A step sent with {@code If-Match} fails with 412
 * when someone else changed the case in between.
 */
@Path("/api/v1/staff/feedback/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class CaseResource {

    private final LifecycleService lifecycle;
    private final CaseViews views;

    public CaseResource(LifecycleService lifecycle, CaseViews views) {
        this.lifecycle = lifecycle;
        this.views = views;
    }

    @GET
    @Transactional
    public Response detail(@PathParam("id") UUID id) {
        return withTag(views.detail(id));
    }

    @POST
    @Path("/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AssignRequest r) {
        return step(ifMatch, v -> lifecycle.assign(id, v, r.unit(), r.note()));
    }

    @POST
    @Path("/start")
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return step(ifMatch, v -> lifecycle.start(id, v));
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AnswerRequest r) {
        return step(ifMatch, v -> lifecycle.answer(id, v, r.answer()));
    }

    @POST
    @Path("/close")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return step(ifMatch, v -> lifecycle.close(id, v));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RejectRequest r) {
        return step(ifMatch, v -> lifecycle.reject(id, v, r.reason()));
    }

    @POST
    @Path("/duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response duplicate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DuplicateRequest r) {
        return step(ifMatch, v -> lifecycle.markDuplicate(id, v, r.duplicateOf()));
    }

    /** Every step: the If-Match version (null when not sent) goes to the lifecycle, the answer is the new detail. */
    private Response step(String ifMatch, Function<Long, Feedback> change) {
        return withTag(views.detail(change.apply(IfMatch.version(ifMatch)).id));
    }

    private static Response withTag(CaseDetail d) {
        return Response.ok(d).tag(String.valueOf(d.summary().version())).build();
    }
}
