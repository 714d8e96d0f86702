package vn.friendlygov.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.friendlygov.common.events.MalformedEventException;

/**
 * The retry policy for consuming an event whose processing failed for a reason that may pass (the database
 * restarting, a lock timeout, a serialisation failure): without it such an event went straight to the dead-letter
 * topic and its effect was lost until someone replayed it. The work must be a whole transaction, so that a failed
 * attempt leaves nothing. The consumer's thread waits between attempts, which holds back that partition: the right
 * thing while the database is away. The whole wait stays well under Kafka's {@code max.poll.interval.ms} (5 minutes).
 * A {@link MalformedEventException} is never retried: such an event can never be processed.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;

    public ConsumerRetry(
            @ConfigProperty(name = "consumer.retry.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "consumer.retry.initial-delay", defaultValue = "PT0.5S") Duration initialDelay,
            @ConfigProperty(name = "consumer.retry.max-delay", defaultValue = "PT30S") Duration maxDelay) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** Runs {@code work} (one whole transaction), again after a transient failure, until it succeeds or gives up. */
    public <T> T call(String what, Callable<T> work) throws Exception {
        long delay = initialDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception e) {
                if (attempt >= maxAttempts || isMalformed(e)) {
                    throw e;
                }
                // The exception's class only: messages can quote event data, which may hold personal data.
                LOG.warnf("%s failed (attempt %d of %d, %s), retrying in %d ms", what, attempt, maxAttempts,
                        rootCause(e).getClass().getName(), delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    /** {@link #call} for work that throws only unchecked exceptions. */
    public void run(String what, Runnable work) {
        get(what, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #call} for work that throws only unchecked exceptions and returns a result. */
    public <T> T get(String what, java.util.function.Supplier<T> work) {
        try {
            return call(what, work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted while waiting to retry", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isMalformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
