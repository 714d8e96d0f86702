package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.recipient.Recipient;

/** The people of a ward who receive reminders, managed by the ward's leaders and admins. */
@Path("/api/v1/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.LEADER})
public class RecipientResource {

    private final Actor actor;
    private final Clock clock;

    public RecipientResource(Actor actor, Clock clock) {
        this.actor = actor;
        this.clock = clock;
    }

    public record RecipientView(UUID id, String ward, String unit, String role, String name, String email, String phone,
            String zaloUserId, List<Channel> channels, LocalTime quietStart, LocalTime quietEnd) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.ward, r.unit, r.role, r.name, r.email, r.phone, r.zaloUserId,
                    r.channelList(), r.quietStart, r.quietEnd);
        }
    }

    @GET
    @Transactional
    public List<RecipientView> list(@QueryParam("ward") String ward, @QueryParam("unit") String unit) {
        String w = wardOf(ward);
        List<Recipient> all = unit == null
                ? Recipient.list("ward = ?1 and active = true order by unit, name", w)
                : Recipient.list("ward = ?1 and unit = ?2 and active = true order by name", w, unit);
        return all.stream().map(RecipientView::of).toList();
    }

    @POST
    @Transactional
    public Response create(@QueryParam("ward") String ward, @Valid @NotNull RecipientRequest request) {
        Recipient r = new Recipient();
        r.id = UUID.randomUUID();
        r.ward = wardOf(ward);
        r.createdAt = OffsetDateTime.now(clock);
        apply(r, request);
        r.persist();
        return Response.created(URI.create("/api/v1/recipients/" + r.id)).entity(RecipientView.of(r)).build();
    }

    @PUT
    @Path("/{id}")
    @Transactional
    public RecipientView update(@PathParam("id") UUID id, @Valid @NotNull RecipientRequest request) {
        Recipient r = find(id);
        apply(r, request);
        return RecipientView.of(r);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response deactivate(@PathParam("id") UUID id) {
        // kept, not deleted: past messages refer to the recipient
        find(id).active = false;
        return Response.noContent().build();
    }

    private Recipient find(UUID id) {
        Recipient r = Recipient.findById(id);
        if (r == null || !r.active) {
            throw ProblemException.notFound("recipient", id);
        }
        actor.requireWard(r.ward);
        return r;
    }

    private String wardOf(String requested) {
        String w = requested != null ? requested : actor.ward();
        if (w == null) {
            throw ProblemException.invalid("ward", "a city-wide admin names the ward");
        }
        actor.requireWard(w);
        return w;
    }

    private static void apply(Recipient r, RecipientRequest q) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < q.channels().size(); i++) {
            Channel c = q.channels().get(i);
            if (c == Channel.INBOX) {
                violations.add(new Problem.Violation("channels[" + i + "]", "the inbox is always on; list EMAIL, ZALO or SMS"));
            } else if (c == Channel.EMAIL && q.email() == null) {
                violations.add(new Problem.Violation("email", "needed for the EMAIL channel"));
            } else if ((c == Channel.ZALO || c == Channel.SMS) && q.phone() == null) {
                violations.add(new Problem.Violation("phone", "needed for the " + c + " channel"));
            }
        }
        if ((q.quietStart() == null) != (q.quietEnd() == null)) {
            violations.add(new Problem.Violation(q.quietStart() == null ? "quietStart" : "quietEnd",
                    "quiet hours need both a start and an end"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid fields: "
                    + violations.stream().map(Problem.Violation::field).collect(Collectors.joining(", ")), violations);
        }
        r.unit = q.unit();
        r.role = q.role().name();
        r.name = q.name();
        r.email = q.email();
        r.phone = q.phone();
        r.zaloUserId = q.zaloUserId();
        r.channels = q.channels().stream().distinct().map(Channel::name).collect(Collectors.joining(","));
        r.quietStart = q.quietStart();
        r.quietEnd = q.quietEnd();
    }
}
