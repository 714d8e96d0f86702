package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.notification.reminder.Reminder;

/** The reminders planned for a task or feedback case: what will be sent when, what was sent, what was cancelled. */
@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class ReminderResource {

    private final Actor actor;

    public ReminderResource(Actor actor) {
        this.actor = actor;
    }

    public record ReminderView(UUID id, String key, String unit, String kind, String audience, OffsetDateTime fireAt,
            String status, String title, OffsetDateTime sentAt, String cancelReason) {
        static ReminderView of(Reminder r) {
            return new ReminderView(r.id, r.key, r.unit, r.kind, r.audience, r.fireAt, r.status, r.title, r.sentAt,
                    r.cancelReason);
        }
    }

    @GET
    @Transactional
    public List<ReminderView> list(@QueryParam("subjectId") @NotBlank String subjectId) {
        if (actor.ward() == null) {
            throw ProblemException.forbidden("reminders belong to a ward; your token names none");
        }
        List<Reminder> all = Reminder.list("ward = ?1 and subjectId = ?2 order by fireAt, key", actor.ward(), subjectId);
        // an officer sees the reminders addressed to their own unit only
        boolean officerOnly = !actor.is(Roles.LEADER) && !actor.is(Roles.REVIEWER) && !actor.is(Roles.ADMIN);
        return all.stream().filter(r -> !officerOnly || r.unit.equals(actor.unit())).map(ReminderView::of).toList();
    }
}
