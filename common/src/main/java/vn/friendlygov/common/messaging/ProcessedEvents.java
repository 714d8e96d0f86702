package vn.friendlygov.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer ledger: a consumer records each event id it processed in the same transaction as the
 * effect, so a redelivered event (Kafka is at least once, the outbox relay may publish twice) has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the event for this consumer. Returns {@code false} when it was processed before, and the caller must
     * then do nothing. Must run in the transaction of the effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) "
                + "values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
