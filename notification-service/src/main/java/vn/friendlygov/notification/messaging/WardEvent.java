package vn.friendlygov.notification.messaging;

/** The data of {@code criteria.ward-events.v1} this service reads (docs/2026-11-26-event-contracts.md). */
public record WardEvent(String code, String kind, String name, Long version) {
}
