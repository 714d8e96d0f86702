package vn.friendlygov.evidence.service;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.evidence.domain.EvidenceKind;

/** The metadata fields of a multipart submission, as sent (multipart text is not JSON, so NFC is applied here). */
public record SubmissionForm(String kind, String title, String description, String activityDate, String place,
        String url) {

    /** The checked metadata. */
    public record Valid(EvidenceKind kind, String title, String description, LocalDate activityDate, String place,
            String url) {
    }

    public Valid validate(int fileCount) {
        List<Problem.Violation> violations = new ArrayList<>();
        EvidenceKind k = null;
        if (blank(kind)) {
            violations.add(new Problem.Violation("kind", "required: one of DOCUMENT, PHOTO, REPORT, SURVEY_SUMMARY, DECISION, LINK"));
        } else {
            try {
                k = EvidenceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("kind", "unknown kind " + kind
                        + "; one of DOCUMENT, PHOTO, REPORT, SURVEY_SUMMARY, DECISION, LINK"));
            }
        }
        if (blank(title)) {
            violations.add(new Problem.Violation("title", "required"));
        } else if (title.strip().length() > 500) {
            violations.add(new Problem.Violation("title", "at most 500 characters"));
        }
        LocalDate date = null;
        if (!blank(activityDate)) {
            try {
                date = LocalDate.parse(activityDate.strip());
            } catch (DateTimeParseException e) {
                violations.add(new Problem.Violation("activityDate", "not an ISO date such as 2026-03-31"));
            }
        }
        if (k == EvidenceKind.LINK) {
            if (blank(url)) {
                violations.add(new Problem.Violation("url", "required for a link"));
            } else if (!isWebAddress(url.strip())) {
                violations.add(new Problem.Violation("url", "not an http or https address"));
            }
        } else if (k != null && fileCount == 0) {
            violations.add(new Problem.Violation("files", "at least one file is required"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid fields: "
                    + String.join(", ", violations.stream().map(Problem.Violation::field).toList()), violations);
        }
        return new Valid(k, nfc(title), nfc(description), date, nfc(place), blank(url) ? null : url.strip());
    }

    private static boolean isWebAddress(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && s.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nfc(String s) {
        return blank(s) ? null : VietnameseText.nfc(s.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
