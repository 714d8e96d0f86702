package vn.friendlygov.notification.rest;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.inbox.InboxNotificationCreated;
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

    /** {@code count}: the items a summary stands for (the tasks of a plan import), 1 otherwise. */
    public record NotificationView(UUID id, String kind, String title, String body, String subjectId,
            OffsetDateTime createdAt, OffsetDateTime readAt, int count) {
        static NotificationView of(InboxNotification n) {
            return new NotificationView(n.id, n.kind, n.title, n.body, n.subjectId, n.createdAt, n.readAt,
                    n.itemCount);
        }
    }

    public record Inbox(long unread, List<NotificationView> items) {
    }

    public record Marked(long marked) {
    }

    @GET
    @Transactional
    public Inbox list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @QueryParam("kind") @Pattern(regexp = "[A-Z_]{1,50}", message = "must be a kind such as TASK_ASSIGNED")
            String kind) {
        requireUnit();
        String where = "ward = :ward and unit = :unit" + (unreadOnly ? " and readAt is null" : "")
                + (kind == null ? "" : " and kind = :kind");
        Parameters p = Parameters.with("ward", actor.ward()).and("unit", actor.unit());
        if (kind != null) {
            p = p.and("kind", kind);
        }
        List<NotificationView> items = InboxNotification
                .<InboxNotification>find(where + " order by createdAt desc, id", p)
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

    /**
     * The live stream of the unit's new notifications (Server-Sent Events, one JSON notification per event). Each
     * event's id is its resume point; a client that reconnects with {@code Last-Event-ID} (browsers' EventSource do)
     * is first sent what changed since (InboxStream.resumed). A summary that gained items is sent again with its new
     * count: clients replace a notification they have by its {@code id}.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@HeaderParam("Last-Event-ID")
            @Pattern(regexp = "[0-9]{0,17}", message = "must be the id of an event of this stream") String lastEventId,
            @Context Sse sse) {
        requireUnit();
        OffsetDateTime resumeAfter = resumePoint(lastEventId);
        String ward = actor.ward();
        String unit = actor.unit();
        Multi<InboxNotificationCreated> events = resumeAfter == null ? stream.of(ward, unit)
                : stream.resumed(ward, unit, resumeAfter);
        return events.map(e -> sse.newEventBuilder().id(eventId(e.changedAt()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(NotificationView.class, new NotificationView(e.id(), e.kind(), e.title(), e.body(),
                        e.subjectId(), e.createdAt(), null, e.count()))
                .build());
    }

    /** An event's id: its {@code changed_at} in microseconds since the epoch (PostgreSQL's precision). */
    static String eventId(OffsetDateTime changedAt) {
        Instant t = changedAt.toInstant();
        return Long.toString(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
    }

    /** {@code null} without the header (or empty); a header that is no event id of ours was refused (400). */
    static OffsetDateTime resumePoint(String lastEventId) {
        if (lastEventId == null || lastEventId.isEmpty()) {
            return null;
        }
        long micros = Long.parseLong(lastEventId);
        return OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private void requireUnit() {
        if (actor.ward() == null || actor.unit() == null) {
            throw ProblemException.forbidden("the inbox belongs to a unit of a ward; your token names none");
        }
    }
}
