package vn.friendlygov.evidence.domain;

/** What a piece of evidence is; the plan's "Sản phẩm" column names these. */
public enum EvidenceKind {
    DOCUMENT, PHOTO, REPORT, SURVEY_SUMMARY, DECISION, LINK
}
