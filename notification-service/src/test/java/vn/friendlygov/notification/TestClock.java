package vn.friendlygov.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import vn.friendlygov.testsupport.SettableClock;

/** Replaces the service's clock in tests (see {@link SettableClock}). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {
}
