package vn.friendlygov.criteria.plan.parse;

/**
 * One row of the plan's table as read from the text export or the workbook, cells already cleaned (tags removed,
 * spaces collapsed, NFC). {@code line} is the line (text) or row (workbook) number, for the import report.
 */
public record PlanRow(int line, String tt, String content, String timeFrame, String leadUnits,
        String coordinatingUnits, String product) {
}
