package vn.friendlygov.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.evidence.rest.EvidenceViews.TaskWithoutEvidence;
import vn.friendlygov.evidence.rest.EvidenceViews.TasksWithoutEvidence;
import vn.friendlygov.evidence.service.EvidenceQueries;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final EvidenceQueries queries;

    public ReportResource(EvidenceQueries queries) {
        this.queries = queries;
    }

    /** Tasks due within {@code days} days (today included, ward time) that have no evidence yet, withdrawn aside. */
    @GET
    @Path("/tasks-without-evidence")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.REVIEWER, Roles.ADMIN})
    public TasksWithoutEvidence tasksWithoutEvidence(@QueryParam("days") @DefaultValue("7") int days,
            @QueryParam("ward") String ward) {
        if (days < 0 || days > 366) {
            throw ProblemException.invalid("days", "between 0 and 366");
        }
        LocalDate today = queries.today();
        return new TasksWithoutEvidence(today, today.plusDays(days), queries.dueWithoutEvidence(ward, today, days).stream()
                .map(t -> new TaskWithoutEvidence(t.taskId, t.planCode, t.itemId, t.criterionCode, t.title,
                        t.leadUnit, t.coordinatingUnitList(), t.dueDate, t.status, t.expectedEvidence))
                .toList());
    }
}
