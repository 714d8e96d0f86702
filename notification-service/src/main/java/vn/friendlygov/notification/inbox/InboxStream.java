package vn.friendlygov.notification.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans committed inbox notifications out to this replica's open SSE connections. What comes in is what the
 * {@link InboxListener} hears from PostgreSQL, so a client hears every replica's notifications, whichever replica it
 * is connected to (docs/2026-12-02-notification-inbox-listen-notify.md).
 */
@ApplicationScoped
public class InboxStream {

    /**
     * A client that resumes is also sent what changed up to this long before its resume point: a notification whose
     * transaction started before the point (its {@code changed_at}) but committed after the client's last event
     * is sent (again, at worst) rather than missed.
     */
    public static final Duration RESUME_GRACE = Duration.ofSeconds(10);
    /** At most this many notifications are sent on resuming, the latest ones; a client away longer reloads the list. */
    public static final int RESUME_MAX = 500;

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

    /**
     * The unit's stream resumed after {@code changedAt} (a reconnecting client's last event): the notifications
     * changed since then (within {@link #RESUME_GRACE}, at most {@link #RESUME_MAX}), merged with the live ones.
     * The live stream is followed before the table is read, so nothing committed in between is missed; what both
     * bring is sent once.
     */
    public Multi<InboxNotificationCreated> resumed(String ward, String unit, OffsetDateTime changedAt) {
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicBoolean replaying = new AtomicBoolean(true);
        Multi<InboxNotificationCreated> missed = Multi.createFrom()
                .deferred(() -> Multi.createFrom().iterable(changedSince(ward, unit, changedAt.minus(RESUME_GRACE))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onTermination().invoke(() -> replaying.set(false));
        return Multi.createBy().merging().streams(of(ward, unit), missed)
                .filter(e -> replaying.get() ? sent.add(version(e)) : !sent.contains(version(e)));
    }

    /** The unit's notifications changed at or after {@code since}, the latest {@link #RESUME_MAX}, oldest first. */
    private static List<InboxNotificationCreated> changedSince(String ward, String unit, OffsetDateTime since) {
        List<InboxNotification> latest = QuarkusTransaction.requiringNew().call(() -> InboxNotification
                .<InboxNotification>find("ward = ?1 and unit = ?2 and changedAt >= ?3 order by changedAt desc, id",
                        ward, unit, since)
                .page(0, RESUME_MAX).list());
        List<InboxNotificationCreated> oldestFirst = new ArrayList<>(latest.size());
        for (int i = latest.size() - 1; i >= 0; i--) {
            InboxNotification n = latest.get(i);
            oldestFirst.add(new InboxNotificationCreated(n.id, n.ward, n.unit, n.kind, n.title, n.body, n.subjectId,
                    n.createdAt, n.itemCount, n.changedAt));
        }
        return oldestFirst;
    }

    /** A notification in one state: a summary that gained items is another version of the same notification. */
    private static String version(InboxNotificationCreated e) {
        return e.id() + "@" + e.changedAt().toInstant() + "#" + e.count();
    }

    private static String key(String ward, String unit) {
        return ward + "\n" + unit;
    }
}
