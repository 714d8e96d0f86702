package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.notification.reminder.ReminderPolicy;
import vn.friendlygov.notification.service.ReminderStore;
import vn.friendlygov.notification.service.SchedulePlanner;

/** A ward's reminder policy (data, not code), and planning a year of the ward's recurring duties. */
@Path("/api/v1/reminder-policies/{ward}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.LEADER})
public class ReminderPolicyResource {

    private final Actor actor;
    private final Clock clock;
    private final SchedulePlanner schedules;
    private final ReminderStore store;

    public ReminderPolicyResource(Actor actor, Clock clock, SchedulePlanner schedules, ReminderStore store) {
        this.actor = actor;
        this.clock = clock;
        this.schedules = schedules;
        this.store = store;
    }

    public record PolicyView(
            @NotNull @Size(max = 10) List<@NotNull @Min(1) @Max(365) Integer> daysBefore,
            @Min(0) @Max(23) int sendHour,
            boolean onDueDay,
            @Min(0) @Max(60) int overdueDailyDays,
            @Min(1) @Max(60) int escalateHeadAfterDays,
            @Min(1) @Max(120) int escalateLeaderAfterDays,
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,50}") String leaderUnit,
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,50}") String reviewerUnit,
            boolean digestEnabled,
            @Min(0) @Max(30) int greetingDaysBefore,
            /* absent: the plan's unit (TTPVHCC) */
            @Pattern(regexp = "[A-Z0-9_]{1,50}") String frontCollectionUnit) {
        static PolicyView of(ReminderPolicy p) {
            return new PolicyView(p.daysBeforeList(), p.sendHour, p.onDueDay, p.overdueDailyDays,
                    p.escalateHeadAfterDays, p.escalateLeaderAfterDays, p.leaderUnit, p.reviewerUnit, p.digestEnabled,
                    p.greetingDaysBefore, p.frontCollectionUnit);
        }
    }

    public record Planned(int reminders) {
    }

    @GET
    @Transactional
    public PolicyView get(@PathParam("ward") String ward) {
        actor.requireWard(ward);
        return PolicyView.of(ReminderPolicy.of(ward));
    }

    /** Replaces the policy; reminders already planned keep their time, new plans follow the new policy. */
    @PUT
    @Transactional
    public PolicyView put(@PathParam("ward") String ward, @Valid @NotNull PolicyView v) {
        actor.requireWard(ward);
        if (v.escalateLeaderAfterDays() <= v.escalateHeadAfterDays()) {
            throw ProblemException.invalid("escalateLeaderAfterDays", "must be later than escalateHeadAfterDays");
        }
        ReminderPolicy p = ReminderPolicy.findById(ward);
        if (p == null) {
            p = new ReminderPolicy();
            p.ward = ward;
        }
        p.daysBefore = v.daysBefore().stream().distinct().sorted((a, b) -> b - a).map(String::valueOf)
                .collect(Collectors.joining(","));
        p.sendHour = v.sendHour();
        p.onDueDay = v.onDueDay();
        p.overdueDailyDays = v.overdueDailyDays();
        p.escalateHeadAfterDays = v.escalateHeadAfterDays();
        p.escalateLeaderAfterDays = v.escalateLeaderAfterDays();
        p.leaderUnit = v.leaderUnit();
        p.reviewerUnit = v.reviewerUnit();
        p.digestEnabled = v.digestEnabled();
        p.greetingDaysBefore = v.greetingDaysBefore();
        p.frontCollectionUnit = v.frontCollectionUnit() == null ? ReminderPolicy.DEFAULT_FRONT_COLLECTION_UNIT
                : v.frontCollectionUnit();
        p.updatedAt = OffsetDateTime.now(clock);
        p.persist();
        return PolicyView.of(p);
    }

    /** Plans the ward's recurring duties (visits, receptions, Front collections, greetings) for a whole year. */
    @POST
    @Path("/duties")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Planned planDuties(@PathParam("ward") String ward, @QueryParam("year") @Min(2020) @Max(2040) int year) {
        actor.requireWard(ward);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var plan = schedules.duties(ReminderPolicy.of(ward), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), now);
        store.upsert(plan, now);
        return new Planned(plan.size());
    }
}
