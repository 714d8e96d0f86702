package vn.friendlygov.criteria.plan.parse;

import java.util.List;

/**
 * The plan's table as a reader found it: the title (first line above the table), the data rows, and the lines that
 * were not data (separators, blank lines) counted so that every line is accounted for in the report.
 */
public record RawTable(String title, List<PlanRow> rows, int separators, int blankLines, List<ImportIssue> issues) {
}
