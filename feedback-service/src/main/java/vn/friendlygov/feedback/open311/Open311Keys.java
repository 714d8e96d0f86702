package vn.friendlygov.feedback.open311;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.friendlygov.feedback.config.FeedbackConfig;

/**
 * The Open311 clients by api_key as every POST reads them, kept in memory (by the key's SHA-256, never the key) so
 * that a submission costs no query for its key: the lookup was a sixth of an Open311 submission's CPU. A key
 * revoked through this replica is refused at once (the cache is emptied when the revocation commits); through
 * another replica, within {@code feedback.open311-key-cache-ttl}. Unknown keys are not kept: a caller trying keys
 * fills no memory, and meets the rate limit.
 */
@ApplicationScoped
public class Open311Keys {

    /** What a POST needs of its client. */
    public record Client(UUID id, String name, String ward) {

        public boolean serves(String jurisdiction) {
            return ward == null || ward.equals(jurisdiction);
        }
    }

    private record Entry(Client client, long loadedAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Set<String> reloading = ConcurrentHashMap.newKeySet();
    private final TransactionSynchronizationRegistry registry;
    private final long ttlNanos;

    public Open311Keys(TransactionSynchronizationRegistry registry, FeedbackConfig config) {
        this.registry = registry;
        this.ttlNanos = config.open311KeyCacheTtl().toNanos();
    }

    public Optional<Client> byKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        String hash = Open311Client.hash(apiKey);
        Entry e = byHash.get(hash);
        long now = System.nanoTime();
        if (e != null && (now - e.loadedAt() <= ttlNanos || !reloading.add(hash))) {
            // fresh, or expired and being read again by another request: at 1,000 submissions/s every request in
            // flight used to read it at once, a query each
            return Optional.of(e.client());
        }
        try {
            return load(hash, now);
        } finally {
            if (e != null) {
                reloading.remove(hash);
            }
        }
    }

    private Optional<Client> load(String hash, long now) {
        Optional<Client> found = QuarkusTransaction.joiningExisting().call(() -> Open311Client.byHash(hash)
                .map(c -> new Client(c.id, c.name, c.ward)));
        found.ifPresentOrElse(c -> byHash.put(hash, new Entry(c, now)), () -> byHash.remove(hash));
        return found;
    }

    /** Call inside the transaction that revokes a key: every cached key is read again after it commits. */
    public void revoked() {
        byHash.clear();
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                byHash.clear();
            }
        });
    }
}
