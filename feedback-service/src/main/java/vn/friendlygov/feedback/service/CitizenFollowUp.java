package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackMessage;
import vn.friendlygov.feedback.intake.FeedbackRating;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.intake.PlainText;
import vn.friendlygov.feedback.intake.TrackingCodes;
import vn.friendlygov.feedback.messaging.FeedbackEvents;
import vn.friendlygov.feedback.messaging.FeedbackEvents.Kind;

/** What a citizen does with a tracking code: look the case up, rate the answer, reopen it. */
@ApplicationScoped
public class CitizenFollowUp {

    public static final String CITIZEN = "citizen";

    private final FeedbackConfig config;
    private final HolidayCalendar calendar;
    private final History history;
    private final FeedbackEvents events;

    public CitizenFollowUp(FeedbackConfig config, HolidayCalendar calendar, History history, FeedbackEvents events) {
        this.config = config;
        this.calendar = calendar;
        this.history = history;
        this.events = events;
    }

    public Feedback byCode(String typed) {
        String code = TrackingCodes.normalise(typed);
        if (code == null) {
            throw ProblemException.invalid("code", "a tracking code has " + TrackingCodes.LENGTH
                    + " letters and digits");
        }
        return Feedback.byTrackingCode(code).orElseThrow(() -> ProblemException.notFound("tracking code", code));
    }

    /** The last day the citizen may reopen, or null while there is no answer to reopen. */
    public LocalDate reopenUntil(Feedback f) {
        if (f.answeredAt == null || (f.status != FeedbackStatus.ANSWERED && f.status != FeedbackStatus.CLOSED)) {
            return null;
        }
        return f.answeredAt.atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate().plusDays(config.reopenWindowDays());
    }

    @Transactional
    public Feedback rate(String code, int rating, String comment) {
        Feedback f = byCode(code);
        if (f.status != FeedbackStatus.ANSWERED && f.status != FeedbackStatus.CLOSED) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "a case can be rated once it is answered");
        }
        if (f.rating != null) {
            throw ProblemException.conflict("this answer has already been rated");
        }
        f.rating = rating;
        f.ratingComment = PlainText.cleanOrNull(comment);
        f.ratedAt = OffsetDateTime.now(ZoneOffset.UTC);
        FeedbackRating kept = new FeedbackRating();
        kept.id = UUID.randomUUID();
        kept.feedbackId = f.id;
        kept.answerRound = f.reopenCount;
        kept.rating = rating;
        kept.comment = f.ratingComment;
        kept.ratedAt = f.ratedAt;
        kept.persist();
        history.record(f, CITIZEN, "RATE", f.status, String.valueOf(rating));
        events.publish(Kind.RATED, f, CITIZEN);
        return f;
    }

    /** Back to the unit with a new due date; the citizen's reason is kept as a message on the case. */
    @Transactional
    public Feedback reopen(String code, String reason) {
        Feedback f = byCode(code);
        LocalDate until = reopenUntil(f);
        LocalDate today = LocalDate.now(HolidayCalendar.ZONE);
        if (until == null) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "only an answered case can be reopened");
        }
        if (today.isAfter(until)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "the case could be reopened until " + until);
        }
        String text = PlainText.clean(reason);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("reason", "say why the answer does not settle the matter");
        }
        FeedbackStatus from = f.status;
        int sla = f.category == null ? config.defaultSlaDays()
                : Category.active(f.ward, f.category).map(c -> c.slaDays).orElse(config.defaultSlaDays());
        f.status = FeedbackStatus.IN_PROGRESS;
        f.dueDate = calendar.addWorkingDays(today, sla);
        f.answeredAt = null;
        f.answeredOnTime = null;
        f.closedAt = null;
        f.overdueAnnounced = false;
        f.reopenCount++;
        // the next answer can be rated anew; the earlier rating stays in feedback_rating
        f.rating = null;
        f.ratingComment = null;
        f.ratedAt = null;
        FeedbackMessage m = new FeedbackMessage();
        m.id = UUID.randomUUID();
        m.feedbackId = f.id;
        m.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        m.kind = "REOPEN";
        m.text = text;
        m.persist();
        history.record(f, CITIZEN, "REOPEN", from, null);
        events.publish(Kind.REOPENED, f, CITIZEN);
        return f;
    }
}
