package vn.friendlygov.criteria.messaging;

import java.time.LocalDate;
import java.util.UUID;

/** The schema of {@code criteria.task-events.v1}, owned by criteria-service. */
public final class TaskEvents {

    public static final String TOPIC = "criteria.task-events.v1";
    public static final String CREATED = "vn.friendlygov.criteria.task.created.v1";
    public static final String STATUS_CHANGED = "vn.friendlygov.criteria.task.status-changed.v1";

    private TaskEvents() {
    }

    /** Data of both event types: the task as it is after the change, and the change itself. */
    public record TaskChanged(UUID taskId, String ward, String leadUnit, String title, LocalDate dueDate,
            String fromStatus, String toStatus, String action, String actor, String reason, long version) {
    }
}
