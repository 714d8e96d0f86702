package vn.friendlygov.common.db;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Deletes expired rows a batch at a time, each batch in a transaction of its own, so that a cleanup after a busy
 * period (an hour of a burst's outbox rows, a week of idempotency keys) never becomes one long transaction with one
 * burst of WAL that stalls the commits of the requests running beside it.
 */
public final class BatchedDelete {

    /** Rows per batch when the caller does not say: a few MB of WAL, a fraction of a second. */
    public static final int BATCH = 10_000;

    private BatchedDelete() {
    }

    /**
     * Runs {@code sql}, a native delete of at most {@code ?2} rows older than {@code ?1} (rows another cleanup holds
     * are skipped: {@code for update skip locked} in its sub-select), until a batch deletes fewer than
     * {@code batch} rows. Returns how many rows were deleted in all.
     */
    public static int run(EntityManager em, String sql, Object before, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, before).setParameter(2, batch).executeUpdate());
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
