package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.PermitAll;
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
import java.net.URI;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.ratelimit.RateLimited;
import vn.friendlygov.feedback.rest.CitizenRequests.FeedbackRequest;
import vn.friendlygov.feedback.rest.CitizenRequests.RatingRequest;
import vn.friendlygov.feedback.rest.CitizenRequests.Receipt;
import vn.friendlygov.feedback.rest.CitizenRequests.ReopenRequest;
import vn.friendlygov.feedback.rest.CitizenRequests.TrackView;
import vn.friendlygov.feedback.service.CitizenFollowUp;
import vn.friendlygov.feedback.service.Idempotency;
import vn.friendlygov.feedback.service.IntakeBatcher;
import vn.friendlygov.feedback.service.IntakeService;
import vn.friendlygov.feedback.service.Submission;

/** The citizen door (web, the city's app): submit without an account, follow with the tracking code. */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited
public class CitizenFeedbackResource {

    static final String SCOPE = "citizen";

    private final IntakeService intake;
    private final Idempotency idempotency;
    private final CitizenFollowUp followUp;
    private final IntakeBatcher batcher;

    public CitizenFeedbackResource(IntakeService intake, Idempotency idempotency, CitizenFollowUp followUp,
            IntakeBatcher batcher) {
        this.batcher = batcher;
        this.intake = intake;
        this.idempotency = idempotency;
        this.followUp = followUp;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull @Valid FeedbackRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Submission s = Submission.of(request.ward(), FeedbackChannel.WEB, request.category(), request.content(),
                        CitizenFollowUp.CITIZEN)
                .withCitizen(request.name(), request.phone(), request.email(), request.address())
                .withPlace(request.latitude(), request.longitude(), request.photos());
        Feedback prepared = intake.prepare(s, "");
        Idempotency.Claim claim = idempotencyKey == null ? null
                : idempotency.claimFor(SCOPE, idempotencyKey, request);
        IntakeBatcher.Accepted<Receipt> accepted = batcher.submit(prepared, claim,
                f -> new Receipt(f.trackingCode, f.status.name(), f.dueDate, f.receivedAt.toInstant()),
                Receipt.class);
        return created(accepted.answer(), accepted.replayed());
    }

    @GET
    @Path("/track/{code}")
    @Transactional
    public TrackView track(@PathParam("code") String code) {
        return view(followUp.byCode(code));
    }

    @POST
    @Path("/track/{code}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public TrackView rate(@PathParam("code") String code, @NotNull @Valid RatingRequest request) {
        return view(followUp.rate(code, request.rating(), request.comment()));
    }

    @POST
    @Path("/track/{code}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public TrackView reopen(@PathParam("code") String code, @NotNull @Valid ReopenRequest request) {
        return view(followUp.reopen(code, request.reason()));
    }

    private TrackView view(Feedback f) {
        String categoryName = f.category == null ? null
                : Category.active(f.ward, f.category).map(c -> c.name).orElse(null);
        return new TrackView(f.trackingCode, f.status.name(), f.channel.name(), f.category, categoryName,
                f.receivedAt.toInstant(), f.dueDate, f.publicAnswer,
                f.answeredAt == null ? null : f.answeredAt.toInstant(), followUp.reopenUntil(f), f.rating);
    }

    private static Response created(Receipt r, boolean replayed) {
        return Response.created(URI.create("/api/v1/feedback/track/" + r.trackingCode())).entity(r)
                .header("Idempotent-Replayed", replayed ? "true" : null).build();
    }
}
