package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackHistory;
import vn.friendlygov.feedback.intake.FeedbackStatus;

/** Writes the audit trail of a case, in the transaction of the change. */
@ApplicationScoped
public class History {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Feedback f, String actor, String action, FeedbackStatus from, String note) {
        FeedbackHistory h = new FeedbackHistory();
        h.id = UUID.randomUUID();
        h.feedbackId = f.id;
        h.at = OffsetDateTime.now(ZoneOffset.UTC);
        h.actor = actor;
        h.action = action;
        h.fromStatus = from == null ? null : from.name();
        h.toStatus = f.status.name();
        h.note = note;
        h.persist();
    }
}
