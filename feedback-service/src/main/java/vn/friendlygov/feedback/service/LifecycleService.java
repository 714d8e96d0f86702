package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.intake.PlainText;
import vn.friendlygov.feedback.messaging.FeedbackEvents;
import vn.friendlygov.feedback.messaging.FeedbackEvents.Kind;

/**
 * Staff steps of a case. Officers act on the cases of their own unit; leaders, reviewers and admins on every case
 * of their ward. Each step checks the expected version when the client sends one (If-Match), is audited and
 * announced through the outbox.
 */
@ApplicationScoped
public class LifecycleService {

    private final Actor actor;
    private final History history;
    private final FeedbackEvents events;
    private final HolidayCalendar calendar;
    private final ChatReplies replies;

    public LifecycleService(Actor actor, History history, FeedbackEvents events, HolidayCalendar calendar,
            ChatReplies replies) {
        this.actor = actor;
        this.history = history;
        this.events = events;
        this.calendar = calendar;
        this.replies = replies;
    }

    /** The case if the actor may see it (404 rather than 403 for another ward: existence is not disclosed). */
    public Feedback visible(UUID id) {
        Feedback f = Feedback.findById(id);
        if (f == null || (!actor.isCityAdmin() && !f.ward.equals(actor.ward()))) {
            throw ProblemException.notFound("feedback", id);
        }
        if (isOfficerOnly() && (f.unit == null || !f.unit.equals(actor.unit()))) {
            throw ProblemException.forbidden("the case belongs to unit " + f.unit + ", you act for " + actor.unit());
        }
        return f;
    }

    @Transactional
    public Feedback assign(UUID id, Long expectedVersion, String unit, String note) {
        Feedback f = editable(id, expectedVersion, FeedbackStatus.OPEN);
        if (Category.count("ward = ?1 and unit = ?2", f.ward, unit) == 0) {
            throw ProblemException.invalid("unit", "no category of ward " + f.ward + " is handled by unit " + unit);
        }
        FeedbackStatus from = f.status;
        f.unit = unit;
        f.status = FeedbackStatus.ASSIGNED;
        return step(f, from, "ASSIGN", note, Kind.ASSIGNED);
    }

    @Transactional
    public Feedback start(UUID id, Long expectedVersion) {
        Feedback f = editable(id, expectedVersion, Set.of(FeedbackStatus.ASSIGNED));
        FeedbackStatus from = f.status;
        f.status = FeedbackStatus.IN_PROGRESS;
        return step(f, from, "START", null, null);
    }

    @Transactional
    public Feedback answer(UUID id, Long expectedVersion, String answer) {
        Feedback f = editable(id, expectedVersion, Set.of(FeedbackStatus.ASSIGNED, FeedbackStatus.IN_PROGRESS));
        String text = PlainText.clean(answer);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("answer", "must contain text");
        }
        FeedbackStatus from = f.status;
        f.status = FeedbackStatus.ANSWERED;
        f.publicAnswer = text;
        f.answeredAt = OffsetDateTime.now(ZoneOffset.UTC);
        f.answeredOnTime = !today().isAfter(f.dueDate);
        replies.queue(f, text);
        return step(f, from, "ANSWER", null, Kind.ANSWERED);
    }

    @Transactional
    public Feedback close(UUID id, Long expectedVersion) {
        Feedback f = editable(id, expectedVersion, Set.of(FeedbackStatus.ANSWERED));
        FeedbackStatus from = f.status;
        f.status = FeedbackStatus.CLOSED;
        f.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return step(f, from, "CLOSE", null, Kind.CLOSED);
    }

    @Transactional
    public Feedback reject(UUID id, Long expectedVersion, String reason) {
        Feedback f = editable(id, expectedVersion, FeedbackStatus.OPEN);
        String text = PlainText.clean(reason);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("reason", "a rejection needs a reason");
        }
        FeedbackStatus from = f.status;
        f.status = FeedbackStatus.REJECTED;
        f.rejectReason = text;
        f.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return step(f, from, "REJECT", text, Kind.REJECTED);
    }

    /** Links the case to the one it repeats; announced as closed with status DUPLICATE. */
    @Transactional
    public Feedback markDuplicate(UUID id, Long expectedVersion, UUID original) {
        Feedback f = editable(id, expectedVersion, FeedbackStatus.OPEN);
        Feedback of = Feedback.findById(original);
        if (of == null || !of.ward.equals(f.ward) || of.id.equals(f.id)) {
            throw ProblemException.invalid("duplicateOf", "no other case " + original + " in ward " + f.ward);
        }
        FeedbackStatus from = f.status;
        f.status = FeedbackStatus.DUPLICATE;
        f.duplicateOf = of.id;
        f.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return step(f, from, "DUPLICATE", of.trackingCode, Kind.CLOSED);
    }

    private Feedback editable(UUID id, Long expectedVersion, Set<FeedbackStatus> allowed) {
        Feedback f = visible(id);
        if (!actor.is(Roles.OFFICER) && !actor.is(Roles.LEADER) && !actor.is(Roles.ADMIN)) {
            throw ProblemException.forbidden("reviewers may read cases but not change them");
        }
        if (expectedVersion != null && expectedVersion != f.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "the case is at version " + f.version + ", not " + expectedVersion);
        }
        if (!allowed.contains(f.status)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "not possible while the case is " + f.status);
        }
        return f;
    }

    private Feedback step(Feedback f, FeedbackStatus from, String action, String note, Kind event) {
        history.record(f, actor.id(), action, from, note);
        if (event != null) {
            events.publish(event, f, actor.id());
        }
        Feedback.getEntityManager().flush(); // bumps the version the answer reports as ETag
        return f;
    }

    private boolean isOfficerOnly() {
        return !actor.is(Roles.LEADER) && !actor.is(Roles.REVIEWER) && !actor.is(Roles.ADMIN);
    }

    private static LocalDate today() {
        return LocalDate.now(HolidayCalendar.ZONE);
    }
}
