package vn.friendlygov.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A CDI event: a notification was added to a unit's inbox (observed after commit by the live stream). */
public record InboxNotificationCreated(UUID id, String ward, String unit, String kind, String title, String body,
        String subjectId, OffsetDateTime createdAt) {
}
