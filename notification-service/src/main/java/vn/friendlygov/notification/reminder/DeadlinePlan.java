package vn.friendlygov.notification.reminder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.calendar.HolidayCalendar;

/**
 * The reminders of one deadline under a ward's policy: before the due date, on the day, daily while overdue (on
 * working days), and the escalations. Pure computation, so that it is cheap to recompute on every change.
 * "Daily while overdue" has no end, so it is planned {@link #OVERDUE_AHEAD_DAYS} days ahead at a time; each overdue
 * reminder sent plans the days after it (see ReminderPlanner.rollOverdue), so the horizon moves on every working day.
 */
public final class DeadlinePlan {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** How far ahead of today (or of the due date, if later) daily overdue reminders are stored. */
    public static final int OVERDUE_AHEAD_DAYS = 14;

    /** What the deadline is about: a task or a feedback case. */
    public record Subject(String kind, String id, String ward, String unit, String label, LocalDate dueDate,
            String recurrence) {
    }

    private DeadlinePlan() {
    }

    /** Every reminder of the subject that fires at or after {@code now}. */
    public static List<PlannedReminder> plan(Subject s, ReminderPolicy p, HolidayCalendar calendar, OffsetDateTime now) {
        List<PlannedReminder> out = new ArrayList<>();
        LocalDate due = s.dueDate();
        String dueText = DMY.format(due);
        int period = periodDays(s.recurrence());
        for (int days : p.daysBeforeList()) {
            // a reminder further ahead than the recurrence would fall before the previous occurrence was even due
            if (days > 0 && days < period) {
                add(out, s, p, now, Reminder.Kind.BEFORE_DUE, Reminder.Audience.UNIT, s.unit(), due.minusDays(days),
                        "Còn " + days + " ngày đến hạn: " + s.label(), "Hạn hoàn thành: " + dueText + ".");
            }
        }
        if (p.onDueDay) {
            add(out, s, p, now, Reminder.Kind.DUE_TODAY, Reminder.Audience.UNIT, s.unit(), due,
                    "Hôm nay đến hạn: " + s.label(), "Hạn hoàn thành: " + dueText + ".");
        }
        LocalDate today = now.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        LocalDate horizon = (today.isAfter(due) ? today : due).plusDays(OVERDUE_AHEAD_DAYS);
        if (p.overdueDailyDays > 0 && due.plusDays(p.overdueDailyDays).isBefore(horizon)) {
            horizon = due.plusDays(p.overdueDailyDays);
        }
        // from the first day not yet past (earlier days' reminders are sent or no longer wanted)
        int first = today.isAfter(due) ? (int) (today.toEpochDay() - due.toEpochDay()) : 1;
        for (int n = first; !due.plusDays(n).isAfter(horizon); n++) {
            LocalDate day = due.plusDays(n);
            if (calendar.isWorkingDay(day)) {
                add(out, s, p, now, Reminder.Kind.OVERDUE, Reminder.Audience.UNIT, s.unit(), day,
                        "Quá hạn " + n + " ngày: " + s.label(), "Hạn hoàn thành là " + dueText + ".");
            }
        }
        LocalDate head = nextWorkingDay(calendar, due.plusDays(p.escalateHeadAfterDays));
        add(out, s, p, now, Reminder.Kind.ESCALATE_HEAD, Reminder.Audience.HEAD, s.unit(), head,
                "Đề nghị trưởng đơn vị chỉ đạo, quá hạn từ " + dueText + ": " + s.label(),
                "Đơn vị chủ trì: " + s.unit() + ".");
        LocalDate leader = nextWorkingDay(calendar, due.plusDays(p.escalateLeaderAfterDays));
        add(out, s, p, now, Reminder.Kind.ESCALATE_LEADER, Reminder.Audience.LEADER, p.leaderUnit, leader,
                "Báo cáo lãnh đạo UBND, quá hạn từ " + dueText + ": " + s.label(),
                "Đơn vị chủ trì: " + s.unit() + ".");
        return out;
    }

    /** The start of every key of the subject's current deadline: {@code TASK:<id>:<due date>:}. */
    public static String keyPrefix(Subject s) {
        return s.kind() + ":" + s.id() + ":" + s.dueDate() + ":";
    }

    /** The local moment (Asia/Ho_Chi_Minh) at which a day's reminders go out, in UTC. */
    public static OffsetDateTime at(LocalDate day, ReminderPolicy p) {
        return day.atTime(p.sendHour, 0).atZone(HolidayCalendar.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    static int periodDays(String recurrence) {
        if (recurrence == null) {
            return Integer.MAX_VALUE;
        }
        return switch (recurrence) {
            case "WEEKLY" -> 7;
            case "MONTHLY" -> 28;
            case "YEARLY" -> 365;
            default -> Integer.MAX_VALUE;
        };
    }

    private static LocalDate nextWorkingDay(HolidayCalendar calendar, LocalDate d) {
        LocalDate day = d;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static void add(List<PlannedReminder> out, Subject s, ReminderPolicy p, OffsetDateTime now,
            Reminder.Kind kind, Reminder.Audience audience, String unit, LocalDate day, String title, String body) {
        OffsetDateTime fireAt = at(day, p);
        if (fireAt.isBefore(now)) {
            return;
        }
        // the due date is in the key: a changed due date plans new reminders and the old ones are cancelled
        String key = keyPrefix(s) + kind + ":" + day;
        out.add(new PlannedReminder(key, s.ward(), unit, s.kind(), s.id(), kind, audience, fireAt, title, body));
    }
}
