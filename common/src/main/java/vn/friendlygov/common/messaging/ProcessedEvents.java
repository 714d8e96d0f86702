package vn.friendlygov.common.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.friendlygov.common.db.BatchedDelete;

/**
 * The idempotent-consumer ledger: a consumer records each event id it processed in the same transaction as the
 * effect, so a redelivered event (Kafka is at least once, the outbox relay may publish twice) has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Duration retention;

    /**
     * @param retention how long an event id is remembered. It must outlast the longest retention of any topic the
     *     service consumes (400 days for the domain topics, see docs/2026-11-26-k8s-kafka-topics.md): an event
     *     replayed from the topic after its id was forgotten would have its effect twice.
     */
    public ProcessedEvents(EntityManager em,
            @ConfigProperty(name = "processed-events.retention", defaultValue = "P430D") Duration retention) {
        this.em = em;
        this.retention = retention;
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

    /** Forgets event ids older than the retention; safe on several replicas (a delete of the same rows). */
    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "processed-event-cleanup")
    void scheduledCleanup() {
        forgetExpired();
    }

    /** Deletes the ledger rows older than the retention; returns how many. */
    public int forgetExpired() {
        return forgetExpired(BatchedDelete.BATCH);
    }

    /** Deletes the ledger rows older than the retention, {@code batch} rows per transaction; returns how many. */
    public int forgetExpired(int batch) {
        return BatchedDelete.run(em, "delete from processed_event where (consumer, event_id) in (select consumer,"
                + " event_id from processed_event where processed_at < ?1 limit ?2 for update skip locked)",
                OffsetDateTime.now(ZoneOffset.UTC).minus(retention), batch);
    }
}
