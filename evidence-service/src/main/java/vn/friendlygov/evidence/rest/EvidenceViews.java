package vn.friendlygov.evidence.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.evidence.domain.Evidence;
import vn.friendlygov.evidence.domain.EvidenceFile;
import vn.friendlygov.evidence.domain.EvidenceHistory;

/** The API's view of evidence (wire records, separate from the entities). */
public final class EvidenceViews {

    private EvidenceViews() {
    }

    public record FileView(UUID id, int revision, String fileName, String mediaType, long size, String sha256,
            OffsetDateTime capturedAt, Double latitude, Double longitude, boolean outsidePeriod, String uploadedBy,
            OffsetDateTime uploadedAt, String href) {

        static FileView of(EvidenceFile f) {
            return new FileView(f.id, f.revision, f.fileName, f.mediaType, f.size, f.sha256, f.capturedAt, f.latitude,
                    f.longitude, f.outsidePeriod, f.uploadedBy, f.uploadedAt,
                    "/api/v1/evidence/" + f.evidenceId + "/files/" + f.id + "/content");
        }
    }

    public record HistoryView(String action, String fromState, String toState, int revision, String actor,
            String reason, OffsetDateTime at) {

        static HistoryView of(EvidenceHistory h) {
            return new HistoryView(h.action, h.fromState == null ? null : h.fromState.name(), h.toState.name(),
                    h.revision, h.actor, h.reason, h.at);
        }
    }

    /** One evidence record; {@code files} are those of the current revision, {@code revisions} all of them. */
    public record EvidenceView(UUID id, String taskId, String ward, String unit, String kind, String title,
            String description, LocalDate activityDate, String place, String url, String state, int revision,
            boolean flagged, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            String withdrawnBy, String withdrawnReason, OffsetDateTime withdrawnAt, long version,
            List<FileView> files, List<FileView> allFiles, List<HistoryView> history) {

        static EvidenceView of(Evidence e, List<EvidenceFile> files, List<EvidenceHistory> history) {
            List<FileView> all = files.stream().map(FileView::of).toList();
            List<FileView> current = all.stream().filter(f -> f.revision() == e.currentRevision).toList();
            return new EvidenceView(e.id, e.taskId, e.ward, e.unit, e.kind.name(), e.title, e.description,
                    e.activityDate, e.place, e.url, e.state.name(), e.currentRevision,
                    current.stream().anyMatch(FileView::outsidePeriod), e.createdBy, e.createdAt, e.updatedAt,
                    e.withdrawnBy, e.withdrawnReason, e.withdrawnAt, e.version, current, all,
                    history.stream().map(HistoryView::of).toList());
        }
    }

    public record EvidencePage(List<EvidenceView> items, long total) {
    }

    public record ReviewRequest(String decision, String reason) {
    }

    public record WithdrawRequest(String reason) {
    }

    public record TaskWithoutEvidence(String taskId, String planCode, String itemId, String criterionCode,
            String title, String leadUnit, List<String> coordinatingUnits, LocalDate dueDate, String status,
            String expectedEvidence) {
    }

    public record TasksWithoutEvidence(LocalDate from, LocalDate to, List<TaskWithoutEvidence> items) {
    }
}
