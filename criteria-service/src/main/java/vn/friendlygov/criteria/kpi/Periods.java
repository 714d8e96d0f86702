package vn.friendlygov.criteria.kpi;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Period names of the indicators: ISO weeks "2026-W05", months "2026-03", quarters "2026-Q1". The weeks of a plan
 * year are those whose Monday falls in the year, plus the week of 1 January (as the task schedule counts them).
 */
public final class Periods {

    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");

    private Periods() {
    }

    /** The periods of a year never change: computed once per (periodicity, year), shared read-only. */
    private static final Map<String, List<String>> OF_YEAR = new ConcurrentHashMap<>();
    private static final Map<String, LocalDate> ENDS = new ConcurrentHashMap<>();

    public static List<String> of(String periodicity, int year) {
        return OF_YEAR.computeIfAbsent(periodicity + "|" + year, k -> List.copyOf(compute(periodicity, year)));
    }

    private static List<String> compute(String periodicity, int year) {
        List<String> out = new ArrayList<>();
        switch (periodicity) {
            case "WEEKLY" -> {
                LocalDate d = LocalDate.of(year, 1, 1);
                while (d.getYear() == year) {
                    String w = week(d);
                    if (!out.contains(w)) {
                        out.add(w);
                    }
                    d = d.plusDays(1);
                }
            }
            case "MONTHLY" -> {
                for (int m = 1; m <= 12; m++) {
                    out.add(String.format("%d-%02d", year, m));
                }
            }
            default -> {
                for (int q = 1; q <= 4; q++) {
                    out.add(year + "-Q" + q);
                }
            }
        }
        return out;
    }

    public static String of(String periodicity, LocalDate date) {
        return switch (periodicity) {
            case "WEEKLY" -> week(date);
            case "MONTHLY" -> String.format("%d-%02d", date.getYear(), date.getMonthValue());
            default -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    /** The last day of a well-formed period ("2026-W10" → Sunday 8 March 2026). */
    public static LocalDate end(String period) {
        LocalDate known = ENDS.get(period);
        if (known != null) {
            return known;
        }
        LocalDate end = parseEnd(period);
        if (ENDS.size() < 10_000) {
            ENDS.put(period, end);
        }
        return end;
    }

    private static LocalDate parseEnd(String period) {
        Matcher w = WEEK.matcher(period);
        if (w.matches()) {
            return LocalDate.of(Integer.parseInt(w.group(1)), 1, 4) // 4 January is always in ISO week 1
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.group(2)))
                    .with(java.time.DayOfWeek.SUNDAY);
        }
        Matcher m = MONTH.matcher(period);
        if (m.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return first.withDayOfMonth(first.lengthOfMonth());
        }
        Matcher q = QUARTER.matcher(period);
        if (q.matches()) {
            return LocalDate.of(Integer.parseInt(q.group(1)), 3 * Integer.parseInt(q.group(2)), 1)
                    .with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
        }
        throw new IllegalArgumentException("not a period: " + period);
    }

    /** The first day of a well-formed period. */
    public static LocalDate start(String period) {
        LocalDate end = end(period);
        if (WEEK.matcher(period).matches()) {
            return end.minusDays(6);
        }
        return MONTH.matcher(period).matches() ? end.withDayOfMonth(1) : end.minusMonths(2).withDayOfMonth(1);
    }

    static String week(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Whether {@code period} is well-formed for the periodicity and belongs to the plan year. */
    public static boolean valid(String periodicity, String period, int year) {
        Matcher m = switch (periodicity) {
            case "WEEKLY" -> WEEK.matcher(period);
            case "MONTHLY" -> MONTH.matcher(period);
            default -> QUARTER.matcher(period);
        };
        return m.matches() && of(periodicity, year).contains(period);
    }
}
