package vn.friendlygov.common.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheRfcVariantCarryingItsMillisecond() {
        long millis = 1_796_000_000_123L;
        UUID id = TimeOrderedIds.at(millis, ThreadLocalRandom.current());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        // PostgreSQL orders uuid values by their bytes, unsigned, as their text form does
        UUID earlier = TimeOrderedIds.at(1_796_000_000_123L, ThreadLocalRandom.current());
        UUID later = TimeOrderedIds.at(1_796_000_000_124L, ThreadLocalRandom.current());
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
        UUID farLater = TimeOrderedIds.at(4_000_000_000_000L, ThreadLocalRandom.current()); // beyond 2^31 s
        assertTrue(later.toString().compareTo(farLater.toString()) < 0);
    }

    @Test
    void idsMadeInTheSameMillisecondDoNotCollide() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_000_000_123L, ThreadLocalRandom.current()));
        }
        assertEquals(100_000, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.version() == 7));
    }
}
