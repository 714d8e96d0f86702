package vn.friendlygov.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification committed to a unit's inbox (or a summary that gained items), as the live stream pushes it.
 * {@code changedAt}: when it was inserted or last gained items (the database's clock), the stream's resume point.
 */
public record InboxNotificationCreated(UUID id, String ward, String unit, String kind, String title, String body,
        String subjectId, OffsetDateTime createdAt, int count, OffsetDateTime changedAt) {
}
