package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.letter.Letter;
import vn.friendlygov.notification.letter.LetterKind;
import vn.friendlygov.notification.service.LetterDelivery;
import vn.friendlygov.notification.service.LetterService;

/**
 * The ward's letters: drafts, a leader's approval (which numbers, issues and sends them), the PDF, and the register
 * with each letter's delivery state.
 */
@Path("/api/v1/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class LetterResource {

    private final Actor actor;
    private final LetterService letters;
    private final LetterDelivery delivery;

    public LetterResource(Actor actor, LetterService letters, LetterDelivery delivery) {
        this.actor = actor;
        this.letters = letters;
        this.delivery = delivery;
    }

    public record DraftRequest(@NotNull LetterKind kind, @NotBlank @Size(max = 300) String recipientName,
            @Size(max = 500) String recipientAddress, @Email @Size(max = 320) String recipientEmail,
            @Pattern(regexp = RecipientRequest.PHONE, message = RecipientRequest.PHONE_MESSAGE) String recipientPhone,
            @Size(max = 5000) String body) {
    }

    public record EditRequest(@NotBlank @Size(max = 300) String recipientName, @Size(max = 500) String recipientAddress,
            @Email @Size(max = 320) String recipientEmail,
            @Pattern(regexp = RecipientRequest.PHONE, message = RecipientRequest.PHONE_MESSAGE) String recipientPhone,
            @NotBlank @Size(max = 5000) String body) {
    }

    /** The leader may give or correct where the letter goes (the automatic apology's drafter knows no contact). */
    public record ApproveRequest(@Size(max = 200) String signerName, @Email @Size(max = 320) String recipientEmail,
            @Pattern(regexp = RecipientRequest.PHONE, message = RecipientRequest.PHONE_MESSAGE) String recipientPhone) {
    }

    public record LetterView(UUID id, String kind, String status, String number, LocalDate issuedOn,
            String recipientName, String recipientAddress, String recipientEmail, String recipientPhone, String body,
            String subjectId, String createdBy, OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
            LetterDelivery.State delivery) {
        static LetterView of(Letter l, List<OutgoingMessage> messages) {
            return new LetterView(l.id, l.kind, l.status, l.numberAndSymbol(), l.issuedOn, l.recipientName,
                    l.recipientAddress, l.recipientEmail, l.recipientPhone, l.body, l.subjectId, l.createdBy,
                    l.createdAt, l.approvedBy, l.approvedAt,
                    Letter.Status.ISSUED.name().equals(l.status) ? LetterDelivery.state(messages) : null);
        }

        static LetterView of(Letter l) {
            return of(l, OutgoingMessage.list("letterId", l.id));
        }
    }

    /** The register: the ward's letters, issued ones by number, or only those of one status. */
    @GET
    @Transactional
    public List<LetterView> register(@QueryParam("status") Letter.Status status) {
        String ward = ward();
        List<Letter> all = status == null
                ? Letter.list("ward = ?1 order by year desc nulls first, number desc nulls first, createdAt desc", ward)
                : Letter.list("ward = ?1 and status = ?2 order by year desc, number desc, createdAt desc", ward,
                        status.name());
        Map<UUID, List<OutgoingMessage>> messages = all.isEmpty() ? Map.of()
                : OutgoingMessage.<OutgoingMessage>list("letterId in ?1", all.stream().map(l -> l.id).toList())
                        .stream().collect(Collectors.groupingBy(m -> m.letterId));
        return all.stream().map(l -> LetterView.of(l, messages.getOrDefault(l.id, List.of()))).toList();
    }

    @POST
    @Transactional
    public Response draft(@Valid @NotNull DraftRequest q) {
        Letter l = letters.draft(ward(), q.kind(), q.recipientName(), q.recipientAddress(), q.recipientEmail(),
                q.recipientPhone(), q.body(), null, actor.id());
        return Response.created(URI.create("/api/v1/letters/" + l.id)).entity(LetterView.of(l)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public LetterView get(@PathParam("id") UUID id) {
        return LetterView.of(find(id));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public LetterView edit(@PathParam("id") UUID id, @Valid @NotNull EditRequest q) {
        Letter l = find(id);
        if (!Letter.Status.DRAFT.name().equals(l.status)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "an issued letter is never changed");
        }
        l.recipientName = q.recipientName();
        l.recipientAddress = q.recipientAddress();
        l.recipientEmail = VietnameseText.blankToNull(q.recipientEmail());
        l.recipientPhone = VietnameseText.blankToNull(q.recipientPhone());
        l.body = q.body();
        return LetterView.of(l);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.LEADER)
    @Transactional
    public LetterView approve(@PathParam("id") UUID id, @Valid ApproveRequest q) {
        ApproveRequest a = q == null ? new ApproveRequest(null, null, null) : q;
        Letter l = letters.approve(find(id), actor.id(), a.signerName(), a.recipientEmail(), a.recipientPhone());
        delivery.send(l); // queued in this transaction: issued and sent, or neither
        return LetterView.of(l);
    }

    /** Where to send an issued letter again. */
    public record SendRequest(@Email @Size(max = 320) String recipientEmail,
            @Pattern(regexp = RecipientRequest.PHONE, message = RecipientRequest.PHONE_MESSAGE) String recipientPhone) {
    }

    /**
     * Sends an issued letter again — after its delivery failed, or when it had no contact — to the contact given
     * (or the one it has). Its content never changes; only where it goes.
     */
    @POST
    @Path("/{id}/send")
    @RolesAllowed(Roles.LEADER)
    @Transactional
    public LetterView send(@PathParam("id") UUID id, @Valid SendRequest q) {
        Letter l = find(id);
        if (!Letter.Status.ISSUED.name().equals(l.status)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "a draft is sent when a leader approves it");
        }
        String state = LetterView.of(l).delivery().state();
        if ("SENT".equals(state) || "PENDING".equals(state)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "letter " + id + " is already " + state);
        }
        if (q != null && VietnameseText.blankToNull(q.recipientEmail()) != null) {
            l.recipientEmail = q.recipientEmail().strip();
        }
        if (q != null && VietnameseText.blankToNull(q.recipientPhone()) != null) {
            l.recipientPhone = q.recipientPhone().strip();
        }
        if (delivery.send(l).isEmpty()) {
            throw ProblemException.invalid("recipientEmail", "the letter has no e-mail or phone to be sent to");
        }
        return LetterView.of(l);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @Transactional
    public Response pdf(@PathParam("id") UUID id) {
        Letter l = find(id);
        return Response.ok(letters.pdf(l), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + l.id + ".pdf\"").build();
    }

    private Letter find(UUID id) {
        Letter l = Letter.findById(id);
        if (l == null || !l.ward.equals(ward())) {
            throw ProblemException.notFound("letter", id);
        }
        return l;
    }

    private String ward() {
        if (actor.ward() == null) {
            throw ProblemException.forbidden("letters belong to a ward; your token names none");
        }
        return actor.ward();
    }
}
