package vn.friendlygov.criteria.schedule;

import java.time.LocalDate;

/**
 * One period of work of an item: when it runs, when it is due, and a label that names the period in the title.
 * {@code key} names the slot within the year ("once", "W05", "M03", "Q1", "tet-nguyen-dan") so that a corrected plan
 * that moves a deadline updates the same task instead of replacing it.
 */
public record Occurrence(String key, Recurrence recurrence, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
        String label) {
}
