package vn.friendlygov.notification.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans committed inbox notifications out to this replica's open SSE connections. What comes in is what the
 * {@link InboxListener} hears from PostgreSQL, so a client hears every replica's notifications, whichever replica it
 * is connected to (docs/2026-12-02-notification-inbox-listen-notify.md).
 */
@ApplicationScoped
public class InboxStream {

    private final BroadcastProcessor<InboxNotificationCreated> processor = BroadcastProcessor.create();
    private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();

    public void publish(InboxNotificationCreated event) {
        processor.onNext(event);
    }

    /** Whether a client of this replica follows the unit: only then is a notification read back from the table. */
    public boolean followed(String ward, String unit) {
        AtomicInteger n = subscribers.get(key(ward, unit));
        return n != null && n.get() > 0;
    }

    public Multi<InboxNotificationCreated> of(String ward, String unit) {
        String key = key(ward, unit);
        return processor.filter(e -> e.ward().equals(ward) && e.unit().equals(unit))
                .onSubscription().invoke(() -> subscribers.computeIfAbsent(key, k -> new AtomicInteger())
                        .incrementAndGet())
                .onTermination().invoke(() -> subscribers.get(key).decrementAndGet());
    }

    private static String key(String ward, String unit) {
        return ward + "\n" + unit;
    }
}
