package vn.friendlygov.criteria.plan.parse;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/**
 * The "Thời gian thực hiện" column, understood. Folded comparison makes "Quy IV" (missing tone mark) read as
 * "Quý IV"; the plan's "Nhân các nguyên lễ lớn, và tết nguyên đán" reads as the holidays time frame.
 */
public record TimeFrame(Kind kind, int quarter, MonthDay before, String label) {

    public enum Kind { NONE, ALL_YEAR, ONGOING, QUARTER, BEFORE, HOLIDAYS, UNKNOWN }

    private static final Pattern QUARTER = Pattern.compile("^quy (i{1,3}|iv|[1-4])$");
    private static final Pattern BEFORE = Pattern.compile("^truoc (?:ngay )?(\\d{1,2})/(\\d{1,2})$");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public static TimeFrame parse(String cell) {
        String f = VietnameseText.fold(cell == null ? "" : cell).strip().replaceAll("[.;,]+$", "");
        if (f.isEmpty()) {
            return new TimeFrame(Kind.NONE, 0, null, null);
        }
        if (f.equals("ca nam")) {
            return new TimeFrame(Kind.ALL_YEAR, 0, null, "Cả năm");
        }
        if (f.equals("thuong xuyen")) {
            return new TimeFrame(Kind.ONGOING, 0, null, "Thường xuyên");
        }
        Matcher q = QUARTER.matcher(f);
        if (q.matches()) {
            int n = switch (q.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            return new TimeFrame(Kind.QUARTER, n, null, "Quý " + ROMAN[n - 1]);
        }
        Matcher b = BEFORE.matcher(f);
        if (b.matches()) {
            try {
                MonthDay md = MonthDay.of(Integer.parseInt(b.group(2)), Integer.parseInt(b.group(1)));
                return new TimeFrame(Kind.BEFORE, 0, md, "Trước " + md.getDayOfMonth() + "/" + md.getMonthValue());
            } catch (java.time.DateTimeException e) {
                return new TimeFrame(Kind.UNKNOWN, 0, null, cell);
            }
        }
        if (f.contains(" le ") && (f.contains("tet") || f.contains("nam moi"))) {
            return new TimeFrame(Kind.HOLIDAYS, 0, null, "Nhân các ngày lễ lớn và Tết Nguyên đán");
        }
        return new TimeFrame(Kind.UNKNOWN, 0, null, cell);
    }

    /** The last day of the time frame in the plan year (for deadlines), or null when it has none. */
    public LocalDate deadline(int year) {
        return switch (kind) {
            case ALL_YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> start(year).plusMonths(3).minusDays(1);
            case BEFORE -> before.atYear(year).minusDays(1);
            default -> null;
        };
    }

    /** The first day of the time frame: a quarter starts with its first month, everything else on 1 January. */
    public LocalDate start(int year) {
        return kind == Kind.QUARTER ? LocalDate.of(year, quarter * 3 - 2, 1) : LocalDate.of(year, 1, 1);
    }
}
