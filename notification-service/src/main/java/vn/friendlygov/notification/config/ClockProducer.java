package vn.friendlygov.notification.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Every "now" of this service comes from this clock, so tests can move time to a reminder's moment instead of
 * waiting for it (a test alternative replaces this bean).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
