package vn.friendlygov.criteria.task;

/** The lifecycle of a task occurrence. */
public enum TaskStatus {
    TODO, IN_PROGRESS, SUBMITTED, APPROVED, RETURNED, CANCELLED
}
