package vn.friendlygov.notification.reminder;

import java.time.OffsetDateTime;

/** One reminder as the plan wants it; the key is unique across the whole service. */
public record PlannedReminder(String key, String ward, String unit, String subjectKind, String subjectId,
        Reminder.Kind kind, Reminder.Audience audience, OffsetDateTime fireAt, String title, String body) {
}
