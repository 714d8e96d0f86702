package vn.friendlygov.criteria.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxRelay;

/**
 * Published outbox rows are deleted after {@code outbox.retention} (7 days), in batches; rows still inside it are
 * kept. (Unpublished rows are outside the statement's {@code published_at is not null}; a test row left unpublished
 * would be sent by this JVM's relay to a topic nobody created.)
 */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    void insert(String aggregate, String createdAgo, String publishedAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (id, topic, "
                + "event_type, aggregate_id, payload, created_at, published_at) values (?1, 'retention.test', "
                + "'retention.test.v1', ?2, '{}', now() - cast(?3 as interval), now() - cast(?4 as interval))")
                .setParameter(1, UUID.randomUUID()).setParameter(2, aggregate).setParameter(3, createdAgo)
                .setParameter(4, publishedAgo).executeUpdate());
    }

    long rows(String aggregate, String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where aggregate_id = ?1 and " + where)
                .setParameter(1, aggregate).getSingleResult()).longValue());
    }

    @Test
    void publishedRowsOlderThanTheRetentionAreDeletedInBatchesAndRecentOnesKept() {
        String aggregate = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 23; i++) {
            insert(aggregate, "9 days", "8 days");
        }
        insert(aggregate, "2 days", "2 days");
        try {
            assertTrue(relay.deletePublished(10) >= 23, "three batches of at most 10");

            assertEquals(0, rows(aggregate, "published_at < now() - interval '7 days'"));
            assertEquals(1, rows(aggregate, "true"), "the row published 2 days ago is kept");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from outbox_event where aggregate_id = ?1").setParameter(1, aggregate).executeUpdate());
        }
    }
}
