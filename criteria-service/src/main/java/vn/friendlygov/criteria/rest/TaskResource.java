package vn.friendlygov.criteria.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import vn.friendlygov.common.rest.IfMatch;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.service.TaskService;
import vn.friendlygov.criteria.task.TaskOccurrence;

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService tasks;
    private final Actor actor;

    public TaskResource(TaskService tasks, Actor actor) {
        this.tasks = tasks;
        this.actor = actor;
    }

    public record CreateTask(@NotBlank @Size(max = 100) String ward, @NotBlank @Size(max = 50) String leadUnit,
            @NotBlank @Size(max = 2000) String title, LocalDate dueDate,
            @Size(max = 5) java.util.List<@NotBlank String> coordinatingUnits,
            @Size(max = 2000) String expectedEvidence) {
    }

    public record Transition(@NotBlank String action, @Size(max = 2000) String reason) {
    }

    public record HistoryView(String actor, String action, String fromStatus, String toStatus, String reason,
            java.time.OffsetDateTime occurredAt) {
    }

    /** An ad-hoc task outside the imported plan (a leader's assignment). */
    @POST
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public Response create(@Valid @NotNull CreateTask body) {
        TaskOccurrence t = tasks.create(actor, body.ward(), body.leadUnit(), body.title(), body.dueDate(),
                body.coordinatingUnits(), body.expectedEvidence());
        return Response.created(URI.create("/api/v1/tasks/" + t.id)).tag(etag(t)).entity(PlanViews.TaskView.of(t)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public Response get(@PathParam("id") UUID id) {
        TaskOccurrence t = tasks.find(actor, id);
        return Response.ok(PlanViews.TaskView.of(t)).tag(etag(t)).build();
    }

    /** Moves a task through its lifecycle. {@code If-Match} with the task's ETag is honoured: stale is 412. */
    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Transition body) {
        TaskOccurrence t = tasks.transition(actor, id, body.action(), body.reason(), IfMatch.version(ifMatch));
        return Response.ok(PlanViews.TaskView.of(t)).tag(etag(t)).build();
    }

    /** Who changed the task, when, from what to what, and why (oldest first). */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public java.util.List<HistoryView> history(@PathParam("id") UUID id) {
        return tasks.history(actor, id).stream().map(h -> new HistoryView(h.actor, h.action,
                h.fromStatus == null ? null : h.fromStatus.name(), h.toStatus.name(), h.reason, h.occurredAt)).toList();
    }

    static EntityTag etag(TaskOccurrence t) {
        return new EntityTag(Long.toString(t.version));
    }
}
