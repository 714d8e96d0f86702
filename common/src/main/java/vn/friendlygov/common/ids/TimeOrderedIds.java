package vn.friendlygov.common.ids;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then 74 random bits. Rows written many a
 * second (cases, their history, outbox events) get ids that sort by creation time, so their primary-key B-tree grows
 * at its right edge instead of at a random page per insert: fewer pages touched, fewer full-page images in the WAL
 * after a checkpoint (docs/2026-12-07-feedback-tail.md). Unique, not secret: the random bits come from
 * {@link ThreadLocalRandom} (no shared lock); ids that must not be guessed (tracking codes, tokens) are made elsewhere
 * from a {@link java.security.SecureRandom}. An id shows when its row was made, which its row says anyway.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis(), ThreadLocalRandom.current());
    }

    static UUID at(long unixMillis, ThreadLocalRandom random) {
        long randA = random.nextLong() & 0xFFFL;
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
