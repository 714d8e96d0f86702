package vn.friendlygov.criteria.plan;

import java.util.List;
import vn.friendlygov.criteria.plan.parse.ImportIssue;

/**
 * What an import did, row by row accounted for: rows read (criteria + groups + items), separator and blank lines
 * skipped, and every row that was not fully interpreted ({@code issues}, with its line). {@code changed} is false when
 * the import found the plan as it already was.
 */
public record ImportReport(String plan, String ward, int year, String title, String sourceSha256, boolean firstImport,
        boolean changed,
        Rows rows, Changes items, Changes tasks, Changes indicators, List<ImportIssue> issues) {

    public record Rows(int read, int criteria, int groups, int items, int separators, int blankLines) {
    }

    public record Changes(int created, int updated, int unchanged, int retired) {
    }
}
