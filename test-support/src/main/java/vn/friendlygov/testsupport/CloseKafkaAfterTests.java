package vn.friendlygov.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the in-JVM broker when the JUnit session ends (registered through {@code META-INF/services}), after the
 * Quarkus application of the tests has stopped and before Surefire's fork exits. Closing it only in a shutdown hook
 * left the broker's threads racing the JVM's exit.
 */
public class CloseKafkaAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        InJvmKafka.close();
    }
}
