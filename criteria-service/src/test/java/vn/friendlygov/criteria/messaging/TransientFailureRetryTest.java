package vn.friendlygov.criteria.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.messaging.RetryTransientFailures;

/**
 * A consumer's transient failure is retried, each attempt in its own transaction (a failed attempt leaves nothing),
 * a malformed event is not retried, and after the last attempt the failure goes through (to the dead letter).
 */
@QuarkusTest
class TransientFailureRetryTest {

    /** Stands for a consumer: claims the event and writes its effect, failing the first {@code failures} times. */
    @ApplicationScoped
    static class FlakyConsumer {

        private final AtomicInteger attempts = new AtomicInteger();

        @Inject
        ProcessedEvents processed;

        /** Through methods: a field read on the injected client proxy would not reach the bean. */
        int attempts() {
            return attempts.get();
        }

        void reset() {
            attempts.set(0);
        }

        @RetryTransientFailures
        @Transactional
        void consume(String eventId, int failures, RuntimeException failure) {
            int attempt = attempts.incrementAndGet();
            if (!processed.firstDelivery("retry-test", eventId)) {
                return;
            }
            if (attempt <= failures) {
                throw failure; // after the claim: a leaked transaction would leave the claim behind
            }
        }
    }

    @Inject
    FlakyConsumer consumer;

    @Inject
    EntityManager em;

    long claims(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = 'retry-test' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    @Test
    void aTransientFailureIsRetriedInAFreshTransactionUntilItSucceeds() {
        String id = UUID.randomUUID().toString();
        consumer.reset();
        consumer.consume(id, 2, new IllegalStateException("database restarting"));
        assertEquals(3, consumer.attempts(), "two failures, then success");
        assertEquals(1, claims(id), "the successful attempt's effect, once");
    }

    @Test
    void aMalformedEventIsNotRetried() {
        String id = UUID.randomUUID().toString();
        consumer.reset();
        assertThrows(MalformedEventException.class,
                () -> consumer.consume(id, 10, new MalformedEventException("no ward")));
        assertEquals(1, consumer.attempts());
        assertEquals(0, claims(id), "the failed attempt was rolled back");
    }

    @Test
    void afterTheLastAttemptTheFailureGoesThroughAndNothingIsLeft() {
        String id = UUID.randomUUID().toString();
        consumer.reset();
        assertThrows(IllegalStateException.class,
                () -> consumer.consume(id, 100, new IllegalStateException("still down")));
        assertEquals(3, consumer.attempts(), "consumer.retry.max-attempts in the test profile");
        assertEquals(0, claims(id));
    }
}
