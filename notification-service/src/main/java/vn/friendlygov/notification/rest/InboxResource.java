package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.mutiny.Multi;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.inbox.InboxStream;

/** The in-app inbox of the caller's unit in the caller's ward. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class InboxResource {

    private final Actor actor;
    private final Clock clock;
    private final InboxStream stream;

    public InboxResource(Actor actor, Clock clock, InboxStream stream) {
        this.actor = actor;
        this.clock = clock;
        this.stream = stream;
    }

    public record NotificationView(UUID id, String kind, String title, String body, String subjectId,
            OffsetDateTime createdAt, OffsetDateTime readAt) {
        static NotificationView of(InboxNotification n) {
            return new NotificationView(n.id, n.kind, n.title, n.body, n.subjectId, n.createdAt, n.readAt);
        }
    }

    public record Inbox(long unread, List<NotificationView> items) {
    }

    public record Marked(long marked) {
    }

    @GET
    @Transactional
    public Inbox list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        requireUnit();
        List<NotificationView> items = InboxNotification
                .<InboxNotification>find("ward = ?1 and unit = ?2 order by createdAt desc, id", actor.ward(), actor.unit())
                .page(0, limit).list().stream().map(NotificationView::of).toList();
        long unread = InboxNotification.count("ward = ?1 and unit = ?2 and readAt is null", actor.ward(), actor.unit());
        return new Inbox(unread, items);
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    public NotificationView markRead(@PathParam("id") UUID id) {
        requireUnit();
        InboxNotification n = InboxNotification.findById(id);
        if (n == null || !n.ward.equals(actor.ward()) || !n.unit.equals(actor.unit())) {
            throw ProblemException.notFound("notification", id);
        }
        if (n.readAt == null) {
            n.readAt = OffsetDateTime.now(clock);
        }
        return NotificationView.of(n);
    }

    /** Marks every unread notification of the caller's unit read; answers how many changed. */
    @POST
    @Path("/read-all")
    @Transactional
    public Marked markAllRead() {
        requireUnit();
        long changed = InboxNotification.update("readAt = ?1 where ward = ?2 and unit = ?3 and readAt is null",
                OffsetDateTime.now(clock), actor.ward(), actor.unit());
        return new Marked(changed);
    }

    /** The live stream of the unit's new notifications (Server-Sent Events, one JSON notification per event). */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<NotificationView> live() {
        requireUnit();
        String ward = actor.ward();
        String unit = actor.unit();
        return stream.of(ward, unit).map(e -> new NotificationView(e.id(), e.kind(), e.title(), e.body(),
                e.subjectId(), e.createdAt(), null));
    }

    private void requireUnit() {
        if (actor.ward() == null || actor.unit() == null) {
            throw ProblemException.forbidden("the inbox belongs to a unit of a ward; your token names none");
        }
    }
}
