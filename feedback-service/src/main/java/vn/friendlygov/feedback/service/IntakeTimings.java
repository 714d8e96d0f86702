package vn.friendlygov.feedback.service;

import org.jboss.logging.Logger;

/**
 * Where an intake batch spends its time, summed per writer and logged every few seconds at DEBUG (category
 * {@code vn.friendlygov.feedback.service.IntakeTimings}): how long its oldest submission queued, how long the
 * writes took and how long the commit took. For the benchmark; off (nothing logged) in normal operation.
 */
final class IntakeTimings {

    private static final Logger LOG = Logger.getLogger(IntakeTimings.class);
    private static final long EVERY_NANOS = 5_000_000_000L;
    /** A batch whose writes or commit take longer than this is logged on its own, with its time (to be matched
     * against the disk's and PostgreSQL's counters sampled by the bench). */
    private static final long SLOW_NANOS = 25_000_000L;

    private final String writer;
    private long windowStart = System.nanoTime();
    private int batches;
    private long submissions;
    private int maxBatch;
    private long queuedSum;
    private long queuedMax;
    private long storeSum;
    private long storeMax;
    private long commitSum;
    private long commitMax;

    IntakeTimings(String writer) {
        this.writer = writer;
    }

    boolean enabled() {
        return LOG.isDebugEnabled();
    }

    void batch(int size, long oldestQueuedAt, long started, long stored, long committed) {
        batches++;
        submissions += size;
        maxBatch = Math.max(maxBatch, size);
        queuedSum += started - oldestQueuedAt;
        queuedMax = Math.max(queuedMax, started - oldestQueuedAt);
        storeSum += stored - started;
        storeMax = Math.max(storeMax, stored - started);
        commitSum += committed - stored;
        commitMax = Math.max(commitMax, committed - stored);
        if (stored - started > SLOW_NANOS || committed - stored > SLOW_NANOS) {
            LOG.debugf("%s: slow batch of %d: writes %.1f ms, commit %.1f ms", writer, size, ms(stored - started),
                    ms(committed - stored));
        }
        if (committed - windowStart >= EVERY_NANOS) {
            LOG.debugf("%s: %d batches, %d submissions (max %d); oldest queued avg %.1f max %.1f ms;"
                    + " writes avg %.1f max %.1f ms; commit avg %.1f max %.1f ms", writer, batches, submissions,
                    maxBatch, ms(queuedSum / batches), ms(queuedMax), ms(storeSum / batches), ms(storeMax),
                    ms(commitSum / batches), ms(commitMax));
            windowStart = committed;
            batches = 0;
            submissions = 0;
            maxBatch = 0;
            queuedSum = queuedMax = storeSum = storeMax = commitSum = commitMax = 0;
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
