package vn.friendlygov.criteria.task;

import java.util.Locale;
import java.util.Set;
import vn.friendlygov.common.security.Roles;

/**
 * What a person can do to a task, the states it applies to, where it leads and who may do it.
 * Officers act on their own unit's tasks; reviewers and leaders approve or return; leaders cancel.
 */
public enum TaskAction {
    START(Set.of(TaskStatus.TODO, TaskStatus.RETURNED), TaskStatus.IN_PROGRESS, false,
            Set.of(Roles.OFFICER, Roles.LEADER)),
    SUBMIT(Set.of(TaskStatus.IN_PROGRESS), TaskStatus.SUBMITTED, false, Set.of(Roles.OFFICER, Roles.LEADER)),
    APPROVE(Set.of(TaskStatus.SUBMITTED), TaskStatus.APPROVED, false, Set.of(Roles.REVIEWER, Roles.LEADER)),
    RETURN(Set.of(TaskStatus.SUBMITTED), TaskStatus.RETURNED, true, Set.of(Roles.REVIEWER, Roles.LEADER)),
    CANCEL(Set.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED, TaskStatus.RETURNED),
            TaskStatus.CANCELLED, true, Set.of(Roles.LEADER));

    private final Set<TaskStatus> from;
    private final TaskStatus to;
    private final boolean reasonRequired;
    private final Set<String> roles;

    TaskAction(Set<TaskStatus> from, TaskStatus to, boolean reasonRequired, Set<String> roles) {
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.roles = roles;
    }

    public boolean allowedFrom(TaskStatus status) {
        return from.contains(status);
    }

    public TaskStatus target() {
        return to;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public Set<String> roles() {
        return roles;
    }

    /** Parses {@code "start"}, {@code "START"}; returns null for an unknown action. */
    public static TaskAction parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
