package vn.friendlygov.feedback.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.feedback.intake.Feedback;

/** Writes a case's events to the outbox, in the transaction of the change. */
@ApplicationScoped
public class FeedbackEvents {

    public static final String TOPIC = "feedback.feedback-events.v1";
    static final String PREFIX = "vn.friendlygov.feedback.feedback.";

    /** The event names of the contract; the type is {@code vn.friendlygov.feedback.feedback.<name>.v1}. */
    public enum Kind {
        RECEIVED("received"), ASSIGNED("assigned"), ANSWERED("answered"), CLOSED("closed"), REOPENED("reopened"),
        REJECTED("rejected"), OVERDUE("overdue"), RATED("rated");

        final String name;

        Kind(String name) {
            this.name = name;
        }

        public String type() {
            return PREFIX + name + ".v1";
        }
    }

    private final Outbox outbox;

    public FeedbackEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(Kind kind, Feedback f, String actor) {
        outbox.publish(TOPIC, kind.type(), f.id.toString(), f.ward, data(kind, f, actor));
    }

    /** The outbox row of an event, not yet written: {@code IntakeStatement} writes a batch's rows at once. */
    public OutboxEvent event(Kind kind, Feedback f, String actor) {
        return outbox.event(TOPIC, kind.type(), f.id.toString(), f.ward, data(kind, f, actor));
    }

    private static FeedbackEvent data(Kind kind, Feedback f, String actor) {
        return FeedbackEvent.of(f, actor, kind == Kind.ANSWERED || kind == Kind.CLOSED, kind == Kind.RATED);
    }
}
