package vn.friendlygov.feedback.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackHistory;
import vn.friendlygov.feedback.intake.FeedbackMessage;
import vn.friendlygov.feedback.intake.FeedbackRating;
import vn.friendlygov.feedback.rest.StaffRequests.CaseDetail;
import vn.friendlygov.feedback.rest.StaffRequests.CaseSummary;
import vn.friendlygov.feedback.rest.StaffRequests.HistoryView;
import vn.friendlygov.feedback.rest.StaffRequests.MessageView;
import vn.friendlygov.feedback.rest.StaffRequests.RatingView;
import vn.friendlygov.feedback.service.LifecycleService;

/** Staff views of a case, built after the actor's access has been checked. */
@ApplicationScoped
public class CaseViews {

    private final LifecycleService lifecycle;

    public CaseViews(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    CaseSummary summary(Feedback f) {
        String suggested = null;
        if (f.suggestedDuplicate != null) {
            Feedback d = Feedback.findById(f.suggestedDuplicate);
            suggested = d == null ? null : d.trackingCode;
        }
        boolean overdue = f.status.isOpen() && LocalDate.now(HolidayCalendar.ZONE).isAfter(f.dueDate);
        return new CaseSummary(f.id, f.trackingCode, f.channel.name(), f.category, f.unit, f.priority.name(),
                f.status.name(), f.receivedAt.toInstant(), f.dueDate, overdue, suggested, f.version);
    }

    CaseDetail detail(UUID id) {
        Feedback f = lifecycle.visible(id);
        var messages = FeedbackMessage.<FeedbackMessage>list("feedbackId = ?1 order by receivedAt", f.id).stream()
                .map(m -> new MessageView(m.receivedAt.toInstant(), m.kind, m.text, m.url)).toList();
        var history = FeedbackHistory.<FeedbackHistory>list("feedbackId = ?1 order by at", f.id).stream()
                .map(h -> new HistoryView(h.at.toInstant(), h.actor, h.action, h.fromStatus, h.toStatus, h.note))
                .toList();
        String duplicateOf = null;
        if (f.duplicateOf != null) {
            Feedback d = Feedback.findById(f.duplicateOf);
            duplicateOf = d == null ? null : d.trackingCode;
        }
        return new CaseDetail(summary(f), f.content, f.citizenName, f.citizenPhone, f.citizenEmail,
                f.citizenAddress, f.latitude, f.longitude, f.photos, f.attributes, f.collectionDate,
                f.collectionSource, f.recordedBy, f.publicAnswer, f.answeredAt == null ? null : f.answeredAt.toInstant(),
                f.answeredOnTime, f.rejectReason, duplicateOf, f.rating, f.ratingComment, f.reopenCount, messages,
                history, FeedbackRating.<FeedbackRating>list("feedbackId = ?1 order by answerRound", f.id).stream()
                        .map(r -> new RatingView(r.answerRound, r.rating, r.comment, r.ratedAt.toInstant())).toList());
    }
}
