package vn.friendlygov.feedback.intake;

import java.util.Set;

/** RECEIVED → ASSIGNED → IN_PROGRESS → ANSWERED → CLOSED, or REJECTED / DUPLICATE; ANSWERED or CLOSED may reopen. */
public enum FeedbackStatus {
    RECEIVED, ASSIGNED, IN_PROGRESS, ANSWERED, CLOSED, REJECTED, DUPLICATE;

    /** Statuses in which the ward still owes the citizen an answer (the SLA clock runs). */
    public static final Set<FeedbackStatus> OPEN = Set.of(RECEIVED, ASSIGNED, IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Open311 knows only two states. */
    public String open311() {
        return isOpen() ? "open" : "closed";
    }
}
