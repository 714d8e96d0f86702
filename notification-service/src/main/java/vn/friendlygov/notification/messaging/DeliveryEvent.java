package vn.friendlygov.notification.messaging;

/** Data of notification.delivery-events.v1 (this service owns the schema; see the event contracts doc). */
public record DeliveryEvent(String messageId, String ward, String unit, String channel, String kind, int attempts,
        String reason) {
}
