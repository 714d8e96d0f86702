package vn.friendlygov.feedback.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;

/**
 * Figures of a ward over a period of receipt, grouped by channel, category, unit, status or ISO week (in Vietnam's
 * time zone): received, answered, answered on time, overdue (open past due, or answered late), average rating.
 */
@Path("/api/v1/wards/{ward}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.REVIEWER, Roles.ADMIN, Roles.OFFICER})
public class StatisticsResource {

    public record Row(String key, long received, long answered, long answeredOnTime, long overdue,
            BigDecimal averageRating, long ratings) {
    }

    public record Statistics(String ward, LocalDate from, LocalDate to, String by, List<Row> rows) {
    }

    private static final Map<String, String> GROUPS = Map.of(
            "channel", "channel", "category", "coalesce(category, '-')", "unit", "coalesce(unit, '-')",
            "status", "status",
            "week", "to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'IYYY-\"W\"IW')");

    private final EntityManager em;
    private final Actor actor;

    public StatisticsResource(EntityManager em, Actor actor) {
        this.em = em;
        this.actor = actor;
    }

    @GET
    @Transactional
    public Statistics statistics(@PathParam("ward") String ward, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("by") @DefaultValue("channel") String by) {
        LocalDate from = date("from", fromParam);
        LocalDate to = date("to", toParam);
        actor.requireWard(ward);
        String group = GROUPS.get(by);
        if (group == null) {
            throw ProblemException.invalid("by", "one of " + GROUPS.keySet().stream().sorted().toList());
        }
        LocalDate today = LocalDate.now(HolidayCalendar.ZONE);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + group + " as k, count(*),"
                + " count(*) filter (where answered_at is not null or status in ('ANSWERED', 'CLOSED')),"
                + " count(*) filter (where answered_on_time),"
                + " count(*) filter (where (status in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and due_date < :today)"
                + "   or answered_on_time = false),"
                + " avg(rating), count(rating)"
                + " from feedback where ward = :ward"
                + " and received_at >= cast(:start as date) at time zone 'Asia/Ho_Chi_Minh'"
                + " and received_at < (cast(:end as date) + 1) at time zone 'Asia/Ho_Chi_Minh'"
                + " group by k order by k")
                .setParameter("today", today).setParameter("ward", ward)
                .setParameter("start", start).setParameter("end", end).getResultList();
        return new Statistics(ward, start, end, by, rows.stream().map(r -> new Row(String.valueOf(r[0]),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(),
                r[5] == null ? null : new BigDecimal(r[5].toString()).setScale(2, RoundingMode.HALF_UP),
                ((Number) r[6]).longValue())).toList());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "a date such as 2026-01-31");
        }
    }
}
