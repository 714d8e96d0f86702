package vn.friendlygov.feedback.intake;

/** Where a case came in. The names are part of the event contract (feedback.feedback-events.v1). */
public enum FeedbackChannel {
    HOTLINE, ZALO, FACEBOOK, OPEN311, WEB, SUGGESTION_BOX, FATHERLAND_FRONT, WALK_IN, CITIZEN_RECEPTION;

    /** Channels an officer records on a citizen's behalf, one case at a time. */
    public boolean isStaffEntry() {
        return this == HOTLINE || this == WALK_IN || this == CITIZEN_RECEPTION;
    }

    /** Channels collected on paper and entered later in batches, with the collection date. */
    public boolean isBatchEntry() {
        return this == SUGGESTION_BOX || this == FATHERLAND_FRONT;
    }
}
