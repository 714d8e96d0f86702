package vn.friendlygov.criteria.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.messaging.ProcessedEvents;

/** The idempotent-consumer ledger forgets ids only after the retention (longer than any topic keeps events). */
@QuarkusTest
class ProcessedEventsRetentionTest {

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    void insert(String consumer, String id, String age) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now() - cast(?3 as interval))")
                .setParameter(1, consumer).setParameter(2, id).setParameter(3, age).executeUpdate());
    }

    boolean remembered(String consumer, String id) {
        return QuarkusTransaction.requiringNew().call(() -> !processed.firstDelivery(consumer, id));
    }

    @Test
    void idsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String consumer = "retention-test-" + UUID.randomUUID();
        String ancient = UUID.randomUUID().toString();
        String yearOld = UUID.randomUUID().toString();
        insert(consumer, ancient, "431 days");
        insert(consumer, yearOld, "400 days");

        int deleted = processed.forgetExpired();

        assertTrue(deleted >= 1, "at least the 431-day-old id is deleted");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1").setParameter(1, consumer)
                .getSingleResult()).longValue()), "only the id still inside the retention is left");
        assertTrue(remembered(consumer, yearOld), "a 400-day-old event (topics keep 400 days) is still a duplicate");
        assertFalse(remembered(consumer, ancient), "the forgotten id counts as a first delivery again");
    }

    @Test
    void manyExpiredIdsAreForgottenInBatchesAndNoneInsideTheRetention() {
        String consumer = "retention-batches-" + UUID.randomUUID();
        for (int i = 0; i < 25; i++) {
            insert(consumer, "old-" + i, "500 days");
        }
        insert(consumer, "recent", "1 day");

        assertTrue(processed.forgetExpired(10) >= 25, "three batches of at most 10");

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1").setParameter(1, consumer)
                .getSingleResult()).longValue()));
        assertTrue(remembered(consumer, "recent"));
    }
}
