package vn.friendlygov.common.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.friendlygov.common.events.MalformedEventException;

/**
 * Retries a consumer whose processing failed for a reason that may pass (the database restarting, a lock timeout, a
 * serialisation failure): without it such an event went straight to the dead-letter topic and its effect was lost
 * until someone replayed it. Runs before (outside) the transaction interceptor, so every attempt is a fresh
 * transaction and a failed attempt leaves nothing behind. The consumer's thread waits between attempts, which holds
 * back that partition: the right thing while the database is away. The whole wait stays well under Kafka's
 * {@code max.poll.interval.ms} (5 minutes).
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;

    public TransientFailureRetry(
            @ConfigProperty(name = "consumer.retry.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "consumer.retry.initial-delay", defaultValue = "PT0.5S") Duration initialDelay,
            @ConfigProperty(name = "consumer.retry.max-delay", defaultValue = "PT30S") Duration maxDelay) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        long delay = initialDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (attempt >= maxAttempts || isMalformed(e)) {
                    throw e;
                }
                // The exception's class only: messages can quote event data, which may hold personal data.
                LOG.warnf("%s.%s failed (attempt %d of %d, %s), retrying in %d ms",
                        invocation.getMethod().getDeclaringClass().getSimpleName(), invocation.getMethod().getName(),
                        attempt, maxAttempts, rootCause(e).getClass().getName(), delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
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
