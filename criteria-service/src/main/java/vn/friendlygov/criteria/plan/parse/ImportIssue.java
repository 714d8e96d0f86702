package vn.friendlygov.criteria.plan.parse;

/**
 * A row the importer could not interpret fully ({@code WARNING}, the row is kept with what could be read) or had to
 * skip ({@code ERROR}); {@code NOTE} records a correction of the export's spelling so that it can be checked.
 */
public record ImportIssue(int line, Severity severity, String field, String message, String text) {

    public enum Severity { NOTE, WARNING, ERROR }

    public static ImportIssue note(int line, String field, String message, String text) {
        return new ImportIssue(line, Severity.NOTE, field, message, text);
    }

    public static ImportIssue warning(int line, String field, String message, String text) {
        return new ImportIssue(line, Severity.WARNING, field, message, text);
    }

    public static ImportIssue error(int line, String field, String message, String text) {
        return new ImportIssue(line, Severity.ERROR, field, message, text);
    }
}
