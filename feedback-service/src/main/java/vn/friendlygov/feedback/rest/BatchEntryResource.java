package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.rest.CitizenRequests.Receipt;
import vn.friendlygov.feedback.rest.StaffRequests.BatchReceipt;
import vn.friendlygov.feedback.rest.StaffRequests.BatchRequest;
import vn.friendlygov.feedback.service.Idempotency;
import vn.friendlygov.feedback.service.IntakeService;
import vn.friendlygov.feedback.service.Submission;

/** Paper collections (suggestion boxes, the Fatherland Front) entered many items at once, with the collection date. */
@Path("/api/v1/staff/feedback-batches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
public class BatchEntryResource {

    private final Actor actor;
    private final IntakeService intake;
    private final Idempotency idempotency;

    public BatchEntryResource(Actor actor, IntakeService intake, Idempotency idempotency) {
        this.actor = actor;
        this.intake = intake;
        this.idempotency = idempotency;
    }

    /** All items or none: one bad item refuses the batch, naming the item, so the paper pile is entered once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response enterBatch(@NotNull @Valid BatchRequest request, @HeaderParam("Idempotency-Key") String key) {
        if (!request.channel().isBatchEntry()) {
            throw ProblemException.invalid("channel", "batch entry is for SUGGESTION_BOX or FATHERLAND_FRONT");
        }
        if (actor.ward() == null) {
            throw ProblemException.forbidden("your token names no ward; cases belong to a ward");
        }
        String ward = actor.ward();
        String scope = "staff-batch:" + actor.id();
        if (key != null) {
            Optional<BatchReceipt> earlier = idempotency.claim(scope, key, request, BatchReceipt.class);
            if (earlier.isPresent()) {
                return Response.status(201).entity(earlier.get()).header("Idempotent-Replayed", "true").build();
            }
        }
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            StaffRequests.BatchItem item = request.items().get(i);
            Submission s = Submission.of(ward, request.channel(), item.category(), item.content(), actor.id())
                    .withCitizen(item.name(), item.phone(), null, item.address())
                    .withCollection(request.collectionDate(), request.source());
            receipts.add(StaffFeedbackResource.receipt(intake.receive(s, "items[" + i + "].")));
        }
        BatchReceipt answer = new BatchReceipt(receipts.size(), receipts);
        if (key != null) {
            idempotency.complete(scope, key, answer);
        }
        return Response.status(201).entity(answer).build();
    }

}
