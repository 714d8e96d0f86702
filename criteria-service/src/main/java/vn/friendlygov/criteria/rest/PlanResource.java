package vn.friendlygov.criteria.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.service.IndicatorQueries;
import vn.friendlygov.criteria.service.PlanQueries;
import vn.friendlygov.criteria.service.Progress;
import vn.friendlygov.criteria.service.ProgressExport;
import vn.friendlygov.criteria.service.ProgressService;
import vn.friendlygov.criteria.task.TaskStatus;

/** Plans, their criteria tree, task search, progress (and its export) and indicators. Read access: the ward. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class PlanResource {

    private final PlanQueries plans;
    private final ProgressService progress;
    private final IndicatorQueries indicators;
    private final Actor actor;

    public PlanResource(PlanQueries plans, ProgressService progress, IndicatorQueries indicators, Actor actor) {
        this.plans = plans;
        this.progress = progress;
        this.indicators = indicators;
        this.actor = actor;
    }

    @GET
    public List<PlanViews.PlanView> list() {
        return plans.plans(actor);
    }

    @GET
    @Path("/{plan}/criteria")
    public List<PlanViews.ItemNode> criteria(@PathParam("plan") String plan) {
        return plans.tree(actor, plan);
    }

    /** {@code q} ignores diacritics and case. Sorted by due date; {@code page} from 0. Cached per plan version. */
    @GET
    @Path("/{plan}/tasks")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanViews.TaskPage.class)))
    public Response tasks(@PathParam("plan") String plan, @QueryParam("unit") @Size(max = 20) String unit,
            @QueryParam("status") String status, @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo, @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("overdue") @Pattern(regexp = "true|false") String overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        byte[] json = plans.tasksJson(actor, plan, new PlanQueries.TaskFilter(unit, status(status),
                date("dueFrom", dueFrom), date("dueTo", dueTo), q == null ? null : VietnameseText.nfc(q),
                overdue == null ? null : Boolean.valueOf(overdue), page, size));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Served from the plan-version cache (ProgressService): the JSON is written once per plan change. */
    @GET
    @Path("/{plan}/progress")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Progress.class)))
    public Response progress(@PathParam("plan") String plan, @QueryParam("asOf") String asOf) {
        return Response.ok(progress.answer(actor, plan, date("asOf", asOf)).json(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** The status table as {@code format=csv} or {@code format=xlsx}. */
    @GET
    @Path("/{plan}/progress/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_JSON})
    public Response export(@PathParam("plan") String plan, @QueryParam("format") @DefaultValue("csv")
            @Pattern(regexp = "csv|xlsx") String format, @QueryParam("asOf") String asOf) {
        Progress p = progress.progress(actor, plan, date("asOf", asOf));
        boolean xlsx = "xlsx".equals(format);
        return Response.ok(xlsx ? ProgressExport.xlsx(p) : ProgressExport.csv(p))
                .type(xlsx ? PlanImportResource.XLSX : "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"tien-do-" + p.plan() + "." + format + "\"")
                .build();
    }

    @GET
    @Path("/{plan}/indicators")
    public List<PlanViews.IndicatorView> indicators(@PathParam("plan") String plan) {
        return indicators.list(actor, plan);
    }

    static LocalDate date(String field, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-03-31");
        }
    }

    private static TaskStatus status(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + List.of(TaskStatus.values()));
        }
    }
}
