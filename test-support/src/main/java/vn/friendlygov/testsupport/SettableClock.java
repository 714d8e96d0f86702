package vn.friendlygov.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can set: system time until a test sets it, then exactly what the test says. Each module makes it
 * the service's clock with a one-line bean, {@code @Alternative @Priority(1) @Singleton class TestClock extends
 * SettableClock}, in its test sources (a bean here would be picked up by every module's tests).
 */
public class SettableClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void set(String isoInstant) {
        fixed = Instant.parse(isoInstant);
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
