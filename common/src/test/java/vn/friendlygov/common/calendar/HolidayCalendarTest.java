package vn.friendlygov.common.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayCalendar.packaged();

    @Test
    void the2026SeedIsPackagedWithItsOccasions() {
        List<String> codes = calendar.occasions(2026).stream().map(HolidayCalendar.Occasion::code).toList();
        assertEquals(List.of("tet-duong-lich", "tet-nguyen-dan", "gio-to-hung-vuong", "thong-nhat-quoc-te-lao-dong",
                "quoc-khanh"), codes);
        HolidayCalendar.Occasion tet = calendar.occasions(2026).get(1);
        assertEquals("Tết Nguyên Đán Bính Ngọ", tet.name());
        assertEquals(LocalDate.of(2026, 2, 14), tet.firstDay());
        assertEquals(LocalDate.of(2026, 2, 22), tet.lastDay());
    }

    @Test
    void workingDaysSkipWeekendsAndTheTetBreak() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 17)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 13)));
        // received Friday 13/2 (the last working day before Tết): 3 working days later is Wednesday 25/2
        assertEquals(LocalDate.of(2026, 2, 25), calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 3));
        // a Friday plus one working day is the Monday
        assertEquals(LocalDate.of(2026, 3, 9), calendar.addWorkingDays(LocalDate.of(2026, 3, 6), 1));
        // Thursday 29/4 plus one: 30/4–3/5 are off, so Monday 4/5
        assertEquals(LocalDate.of(2026, 5, 4), calendar.addWorkingDays(LocalDate.of(2026, 4, 29), 1));
        assertEquals(3, calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 25)));
    }
}
