package vn.friendlygov.criteria.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * "Today" of the read side (default {@code asOf}, which indicator periods have ended, whether a re-imported due date
 * is still in the past) comes from this clock, so that tests can fix the date (a test alternative replaces it).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
