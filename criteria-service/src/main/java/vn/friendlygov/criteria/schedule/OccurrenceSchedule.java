package vn.friendlygov.criteria.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.criteria.plan.parse.TextFacts;
import vn.friendlygov.criteria.plan.parse.TimeFrame;

/**
 * The occurrences of one item in a plan year (decision: docs/2026-11-26-criteria-task-schedule.md).
 * <ul>
 * <li>Quý I … IV, Cả năm, Trước d/m: one occurrence due the last day of the time frame (31/3, 31/12, 30/11).</li>
 * <li>Thường xuyên with a weekly frequency in the text: one per ISO week of the plan year, the period clipped to the
 * year, due its last day (the Sunday; 31/12 for the last week).</li>
 * <li>With a monthly frequency: one per month, due the month's last day. Yearly ("Hàng năm"): one, due 31/12.</li>
 * <li>Holidays: one per occasion of the holiday calendar, due the occasion's first day off.</li>
 * <li>Thường xuyên without a frequency: one per quarter, due the quarter's last day, so that an ongoing duty is
 * shown with evidence four times a year instead of once at the end when it is too late to act.</li>
 * </ul>
 * A deadline time frame wins over a frequency in the text: "build the mechanism … at least weekly" by Quý I is one task.
 */
public final class OccurrenceSchedule {

    private final HolidayCalendar calendar;

    public OccurrenceSchedule(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    public List<Occurrence> occurrences(TimeFrame tf, TextFacts facts, int year) {
        return switch (tf.kind()) {
            case ALL_YEAR, QUARTER, BEFORE -> List.of(new Occurrence("once", Recurrence.ONCE, tf.start(year), tf.deadline(year),
                    tf.deadline(year), null));
            case HOLIDAYS -> holidays(year);
            case ONGOING, NONE -> byFrequency(facts.frequency(), tf.kind() == TimeFrame.Kind.ONGOING, year);
            case UNKNOWN -> List.of();
        };
    }

    private List<Occurrence> byFrequency(TextFacts.Frequency f, boolean ongoing, int year) {
        if (f == null) {
            return ongoing ? quarters(year) : List.of();
        }
        return switch (f) {
            case WEEKLY -> weeks(year);
            case MONTHLY -> months(year);
            case YEARLY -> List.of(new Occurrence("year", Recurrence.YEARLY, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31), LocalDate.of(year, 12, 31), "năm " + year));
        };
    }

    static List<Occurrence> weeks(int year) {
        List<Occurrence> out = new ArrayList<>();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(first) ? first : monday;
            LocalDate sunday = monday.plusDays(6);
            LocalDate end = sunday.isAfter(last) ? last : sunday;
            int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            int weekYear = monday.get(IsoFields.WEEK_BASED_YEAR);
            String label = weekYear == year ? "tuần " + week : "tuần " + week + "/" + weekYear;
            out.add(new Occurrence(String.format("W%02d", out.size() + 1), Recurrence.WEEKLY, start, end, end, label));
        }
        return out;
    }

    static List<Occurrence> months(int year) {
        List<Occurrence> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate start = LocalDate.of(year, m, 1);
            LocalDate end = start.with(TemporalAdjusters.lastDayOfMonth());
            out.add(new Occurrence(String.format("M%02d", m), Recurrence.MONTHLY, start, end, end, "tháng " + m + "/" + year));
        }
        return out;
    }

    static List<Occurrence> quarters(int year) {
        List<Occurrence> out = new ArrayList<>();
        String[] roman = {"I", "II", "III", "IV"};
        for (int q = 1; q <= 4; q++) {
            LocalDate start = LocalDate.of(year, q * 3 - 2, 1);
            LocalDate end = start.plusMonths(3).minusDays(1);
            out.add(new Occurrence("Q" + q, Recurrence.ONGOING, start, end, end, "quý " + roman[q - 1] + "/" + year));
        }
        return out;
    }

    private List<Occurrence> holidays(int year) {
        return calendar.occasions(year).stream()
                .map(o -> new Occurrence(o.code(), Recurrence.HOLIDAY, o.firstDay(), o.lastDay(), o.firstDay(), o.name()))
                .toList();
    }
}
