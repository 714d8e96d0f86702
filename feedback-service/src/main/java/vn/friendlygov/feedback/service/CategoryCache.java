package vn.friendlygov.feedback.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.friendlygov.feedback.config.FeedbackConfig;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Priority;

/**
 * Each ward's active categories (unit, SLA, priority) as intake reads them on every submission, kept in memory so a
 * submission costs no round trip for routing. A change made through this replica is seen at once (the ward is
 * dropped after the change commits); a change made through another replica is seen within
 * {@code feedback.category-cache-ttl}.
 */
@ApplicationScoped
public class CategoryCache {

    /** What routing needs of a category. */
    public record Route(String code, String name, String unit, int slaDays, Priority priority) {
    }

    private record Ward(boolean known, Map<String, Route> active, long loadedAt) {
    }

    private final Map<String, Ward> wards = new ConcurrentHashMap<>();
    private final Set<String> reloading = ConcurrentHashMap.newKeySet();
    private final TransactionSynchronizationRegistry registry;
    private final long ttlNanos;

    public CategoryCache(TransactionSynchronizationRegistry registry, FeedbackConfig config) {
        this.registry = registry;
        this.ttlNanos = config.categoryCacheTtl().toNanos();
    }

    /** Whether the ward has any category (active or retired): the test of a known ward. */
    public boolean knows(String ward) {
        return ward != null && ward(ward).known();
    }

    public Optional<Route> active(String ward, String code) {
        return ward == null || code == null ? Optional.empty() : Optional.ofNullable(ward(ward).active().get(code));
    }

    /** Call inside the transaction that changes a ward's categories: the ward is reloaded after it commits. */
    public void changed(String ward) {
        wards.remove(ward);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                wards.remove(ward);
            }
        });
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            wards.remove(ward);
        }
    }

    private Ward ward(String ward) {
        Ward w = wards.get(ward);
        long now = System.nanoTime();
        if (w == null) {
            w = load(ward, now);
            wards.put(ward, w);
        } else if (now - w.loadedAt() > ttlNanos && reloading.add(ward)) {
            // one request reloads an expired ward; the others go on with what it had until the reload is in (at
            // 1,000 submissions/s every request in flight used to reload it at once, a query each)
            try {
                w = load(ward, now);
                wards.put(ward, w);
            } finally {
                reloading.remove(ward);
            }
        }
        return w;
    }

    private static Ward load(String ward, long now) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var all = Category.<Category>list("ward", ward);
            Map<String, Route> active = all.stream().filter(c -> c.active).collect(Collectors.toUnmodifiableMap(
                    c -> c.code, c -> new Route(c.code, c.name, c.unit, c.slaDays, c.priority)));
            return new Ward(!all.isEmpty(), active, now);
        });
    }
}
