package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateSweepPacingTest {

    private static final long MS = 1_000_000L;

    @Test
    void aQuietIntakeLetsEveryRoundRun() {
        DuplicateSweep.Pacing pacing = new DuplicateSweep.Pacing(100, Duration.ofSeconds(5));
        long now = 1_000 * MS;
        long count = 0;
        for (int round = 0; round < 20; round++) {
            assertTrue(pacing.runNow(count, now), "round " + round);
            now += 250 * MS;
            count += 20; // 80 submissions a second: below 100
        }
    }

    @Test
    void aBusyIntakeGetsTheCpuAndTheSweepStillRunsOncePerMaxPause() {
        DuplicateSweep.Pacing pacing = new DuplicateSweep.Pacing(100, Duration.ofSeconds(5));
        long now = 1_000 * MS;
        long count = 0;
        assertTrue(pacing.runNow(count, now), "the first round has nothing to compare with");
        int ran = 0;
        for (int round = 1; round <= 40; round++) { // 10 s at 1,000 submissions a second
            now += 250 * MS;
            count += 250;
            if (pacing.runNow(count, now)) {
                ran++;
            }
        }
        assertEquals(2, ran, "one round per 5 s pause over 10 s");

        now += 250 * MS; // the burst is over: the next round runs at once
        assertTrue(pacing.runNow(count, now));
        now += 250 * MS;
        assertTrue(pacing.runNow(count, now));
    }

    @Test
    void theRateIsMeasuredBetweenRoundsNotSinceStart() {
        DuplicateSweep.Pacing pacing = new DuplicateSweep.Pacing(100, Duration.ofSeconds(5));
        long now = 1_000 * MS;
        assertTrue(pacing.runNow(1_000_000, now), "a large running count alone is not a busy intake");
        now += 250 * MS;
        assertTrue(pacing.runNow(1_000_010, now));
        now += 250 * MS;
        assertFalse(pacing.runNow(1_000_510, now), "500 in 250 ms is 2,000 a second");
    }
}
