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
        return after(lifecycle.assign(id, IfMatch.version(ifMatch), r.unit(), r.note()));
    }

    @POST
    @Path("/start")
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return after(lifecycle.start(id, IfMatch.version(ifMatch)));
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid AnswerRequest r) {
        return after(lifecycle.answer(id, IfMatch.version(ifMatch), r.answer()));
    }

    @POST
    @Path("/close")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return after(lifecycle.close(id, IfMatch.version(ifMatch)));
    }

    @POST
    @Path("/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid RejectRequest r) {
        return after(lifecycle.reject(id, IfMatch.version(ifMatch), r.reason()));
    }

    @POST
    @Path("/duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response duplicate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DuplicateRequest r) {
        return after(lifecycle.markDuplicate(id, IfMatch.version(ifMatch), r.duplicateOf()));
    }

    private Response after(Feedback f) {
        return withTag(views.detail(f.id));
    }

    private static Response withTag(CaseDetail d) {
        return Response.ok(d).tag(String.valueOf(d.summary().version())).build();
    }

}
