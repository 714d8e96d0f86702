package vn.friendlygov.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.notification.reminder.DeadlinePlan;
import vn.friendlygov.notification.reminder.PlannedReminder;
import vn.friendlygov.notification.reminder.Reminder;
import vn.friendlygov.notification.reminder.ReminderPolicy;

/**
 * Plans what recurs by the calendar rather than by a task: the weekly digest of every unit (Monday morning, local
 * time) and the plan's recurring duties — the leaders' weekly village visit, the monthly citizen reception, the
 * weekly collection of feedback through the Fatherland Front, greetings before each public holiday.
 */
@ApplicationScoped
public class SchedulePlanner {

    private static final DateTimeFormatter MY = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final int LOOK_AHEAD_DAYS = 14;

    private final EntityManager em;
    private final ReminderStore store;
    private final HolidayCalendar calendar;
    private final Clock clock;

    public SchedulePlanner(EntityManager em, ReminderStore store, HolidayCalendar calendar, Clock clock) {
        this.em = em;
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Plans the next two weeks of digests and duties of every known ward (cheap, idempotent: run every round). */
    public void planAhead() {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            LocalDate today = now.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
            List<PlannedReminder> plan = new ArrayList<>();
            Map<String, ReminderPolicy> policies = new HashMap<>(); // one read per ward per round
            @SuppressWarnings("unchecked")
            List<Object[]> units = em.createNativeQuery("select ward, lead_unit from task_view union "
                    + "select ward, unit from feedback_view where unit is not null").getResultList();
            for (Object[] wu : units) {
                ReminderPolicy p = policies.computeIfAbsent((String) wu[0], ReminderPolicy::of);
                if (p.digestEnabled) {
                    plan.add(digest(p, (String) wu[1], now));
                }
            }
            @SuppressWarnings("unchecked")
            List<String> wards = em.createNativeQuery("select ward from task_view union select ward from reminder_policy")
                    .getResultList();
            for (String ward : wards) {
                plan.addAll(duties(policies.computeIfAbsent(ward, ReminderPolicy::of), today,
                        today.plusDays(LOOK_AHEAD_DAYS), now));
            }
            store.upsert(plan, now);
        });
    }

    /** The digest of a unit for the first Monday send time at or after {@code now}. */
    PlannedReminder digest(ReminderPolicy p, String unit, OffsetDateTime now) {
        LocalDate monday = now.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate()
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        if (DeadlinePlan.at(monday, p).isBefore(now)) {
            monday = monday.plusWeeks(1);
        }
        return new PlannedReminder("DIGEST:" + p.ward + ":" + unit + ":" + monday, p.ward, unit, "DIGEST",
                p.ward + ":" + unit + ":" + monday, Reminder.Kind.DIGEST, Reminder.Audience.UNIT,
                DeadlinePlan.at(monday, p), "Tổng hợp tuần", null);
    }

    /** The ward's recurring duties whose day falls in [from, to] and whose time is not past. */
    public List<PlannedReminder> duties(ReminderPolicy p, LocalDate from, LocalDate to, OffsetDateTime now) {
        List<PlannedReminder> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.MONDAY) {
                duty(out, p, now, "VILLAGE_VISIT", p.leaderUnit, Reminder.Audience.LEADER, d,
                        "Lịch lãnh đạo xuống cơ sở thôn trong tuần (ít nhất 01 lần/tuần)");
                duty(out, p, now, "FRONT_COLLECTION", p.frontCollectionUnit, Reminder.Audience.UNIT, d,
                        "Tiếp nhận ý kiến của Nhân dân qua Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong tuần");
            }
            if (d.equals(firstWorkingDay(d))) {
                duty(out, p, now, "CITIZEN_RECEPTION", p.leaderUnit, Reminder.Audience.LEADER, d,
                        "Tiếp công dân định kỳ tháng " + MY.format(d) + " (ít nhất 01 lần/tháng)");
            }
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (HolidayCalendar.Occasion o : calendar.occasions(year)) {
                LocalDate d = o.firstDay().minusDays(p.greetingDaysBefore);
                while (!calendar.isWorkingDay(d)) {
                    d = d.minusDays(1);
                }
                if (!d.isBefore(from) && !d.isAfter(to)) {
                    duty(out, p, now, "GREETING_" + o.code(), p.leaderUnit, Reminder.Audience.LEADER, d,
                            "Chuẩn bị thư chúc mừng Nhân dân nhân dịp " + o.name());
                }
            }
        }
        return out;
    }

    private LocalDate firstWorkingDay(LocalDate d) {
        LocalDate day = d.withDayOfMonth(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static void duty(List<PlannedReminder> out, ReminderPolicy p, OffsetDateTime now, String code, String unit,
            Reminder.Audience audience, LocalDate day, String title) {
        OffsetDateTime at = DeadlinePlan.at(day, p);
        if (!at.isBefore(now)) {
            String id = p.ward + ":" + code + ":" + day;
            out.add(new PlannedReminder("DUTY:" + id, p.ward, unit, "DUTY", id, Reminder.Kind.DUTY, audience, at,
                    title, null));
        }
    }
}
