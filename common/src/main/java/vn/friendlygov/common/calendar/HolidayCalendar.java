package vn.friendlygov.common.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.friendlygov.common.text.VietnameseText;

/**
 * The official days off (from {@code seeds/holidays-YYYY.csv}, packaged under {@code holidays/}) and the working-day
 * arithmetic built on them: Monday to Friday, minus every listed day. Business dates are in Asia/Ho_Chi_Minh.
 */
public final class HolidayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One official day off. */
    public record DayOff(LocalDate date, String holiday, String name, String observance) {
    }

    /** One occasion (Tết, Quốc khánh…) with its days off; greetings are one per occasion. */
    public record Occasion(String code, String name, LocalDate firstDay, LocalDate lastDay) {
    }

    private final TreeMap<LocalDate, DayOff> days;

    private HolidayCalendar(TreeMap<LocalDate, DayOff> days) {
        this.days = days;
    }

    /** Loads every packaged year ({@code holidays/holidays-2020.csv} … {@code holidays-2040.csv}) that exists. */
    public static HolidayCalendar packaged() {
        TreeMap<LocalDate, DayOff> all = new TreeMap<>();
        ClassLoader cl = HolidayCalendar.class.getClassLoader();
        for (int year = 2020; year <= 2040; year++) {
            try (InputStream in = cl.getResourceAsStream("holidays/holidays-" + year + ".csv")) {
                if (in != null) {
                    parse(in, "holidays-" + year + ".csv").forEach(d -> all.put(d.date(), d));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new HolidayCalendar(all);
    }

    public static HolidayCalendar of(List<DayOff> daysOff) {
        TreeMap<LocalDate, DayOff> m = new TreeMap<>();
        daysOff.forEach(d -> m.put(d.date(), d));
        return new HolidayCalendar(m);
    }

    /** Parses the CSV format of {@code seeds/holidays-YYYY.csv}; a bad row fails with its line number. */
    public static List<DayOff> parse(InputStream in, String sourceName) {
        List<DayOff> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (t.startsWith("date,")) {
                        continue;
                    }
                }
                String[] f = t.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalArgumentException(sourceName + ":" + n + ": expected 4 columns, got " + f.length);
                }
                try {
                    out.add(new DayOff(LocalDate.parse(f[0].strip()), f[1].strip(),
                            VietnameseText.nfc(f[2].strip()), f[3].strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(sourceName + ":" + n + ": bad date " + f[0], e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public boolean isDayOff(LocalDate date) {
        return days.containsKey(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !days.containsKey(date);
    }

    /**
     * The date {@code workingDays} working days after {@code start}: the start day itself does not count, so a case
     * received on Friday with 1 working day is due on Monday (or the next working day after a holiday).
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate d = start;
        int left = workingDays;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days strictly after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The occasions of a year, in date order. */
    public List<Occasion> occasions(int year) {
        Map<String, Occasion> byCode = new LinkedHashMap<>();
        for (DayOff d : days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values()) {
            Occasion o = byCode.get(d.holiday());
            byCode.put(d.holiday(), o == null
                    ? new Occasion(d.holiday(), d.name(), d.date(), d.date())
                    : new Occasion(o.code(), o.name(), o.firstDay(), d.date()));
        }
        return List.copyOf(byCode.values());
    }

    public List<DayOff> daysOff() {
        return Collections.unmodifiableList(new ArrayList<>(days.values()));
    }
}
