package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.rest.CitizenRequests.Receipt;
import vn.friendlygov.feedback.rest.StaffRequests.CaseSummary;
import vn.friendlygov.feedback.rest.StaffRequests.EntryRequest;
import vn.friendlygov.feedback.service.Idempotency;
import vn.friendlygov.feedback.service.IntakeService;
import vn.friendlygov.feedback.service.Submission;

/** Staff intake (hotline, walk-in, citizen reception) and the case lists of a ward or unit. */
@Path("/api/v1/staff/feedback")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class StaffFeedbackResource {

    private final Actor actor;
    private final IntakeService intake;
    private final Idempotency idempotency;
    private final CaseViews views;

    public StaffFeedbackResource(Actor actor, IntakeService intake, Idempotency idempotency, CaseViews views) {
        this.actor = actor;
        this.intake = intake;
        this.idempotency = idempotency;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Transactional
    public Response enter(@NotNull @Valid EntryRequest request, @HeaderParam("Idempotency-Key") String key) {
        if (!request.channel().isStaffEntry()) {
            throw ProblemException.invalid("channel", "staff entry is for HOTLINE, WALK_IN or CITIZEN_RECEPTION");
        }
        String ward = wardOfActor();
        String scope = "staff:" + actor.id();
        if (key != null) {
            Optional<Receipt> earlier = idempotency.claim(scope, key, request, Receipt.class);
            if (earlier.isPresent()) {
                return Response.status(201).entity(earlier.get()).header("Idempotent-Replayed", "true").build();
            }
        }
        Submission s = Submission.of(ward, request.channel(), request.category(), request.content(), actor.id())
                .withCitizen(request.callerName(), request.callerPhone(), request.callerEmail(),
                        request.callerAddress())
                .withPlace(request.latitude(), request.longitude(), List.of());
        Feedback f = intake.receive(s, "");
        Receipt receipt = receipt(f);
        if (key != null) {
            idempotency.complete(scope, key, receipt);
        }
        return Response.status(201).entity(receipt).build();
    }

    @GET
    @Transactional
    public List<CaseSummary> list(@QueryParam("ward") String ward, @QueryParam("status") FeedbackStatus status,
            @QueryParam("unit") String unit, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        String w = ward == null ? wardOfActor() : ward;
        actor.requireWard(w);
        String u = unit;
        if (!actor.is(Roles.LEADER) && !actor.is(Roles.REVIEWER) && !actor.is(Roles.ADMIN)) {
            u = actor.unit(); // an officer sees the cases of their own unit only
        }
        StringBuilder q = new StringBuilder("ward = :ward");
        var params = new java.util.HashMap<String, Object>();
        params.put("ward", w);
        if (u != null) {
            q.append(" and unit = :unit");
            params.put("unit", u);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        q.append(" order by dueDate, receivedAt");
        return Feedback.<Feedback>find(q.toString(), params).page(0, limit).list().stream()
                .map(views::summary).toList();
    }

    String wardOfActor() {
        if (actor.ward() == null) {
            throw ProblemException.forbidden("your token names no ward; cases belong to a ward");
        }
        return actor.ward();
    }

    static Receipt receipt(Feedback f) {
        return new Receipt(f.trackingCode, f.status.name(), f.dueDate, f.receivedAt.toInstant());
    }
}
