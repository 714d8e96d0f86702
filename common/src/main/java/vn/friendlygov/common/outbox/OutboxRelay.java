package vn.friendlygov.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;
import vn.friendlygov.common.events.CloudEventHeaders;

/**
 * Publishes outbox rows to Kafka and marks them published. Safe with several replicas: each round locks its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so two relays never take the same row. A row is marked published only after
 * the broker acknowledged it; when Kafka is down the round stops at the first failure (keeping each aggregate's
 * order) and the rows are taken again in a later round, so nothing is lost. A crash after the send and before the
 * commit publishes the row again: delivery is at least once and consumers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;

    public OutboxRelay(EntityManager em, @Channel("outbox") MutinyEmitter<String> emitter, OutboxConfig config) {
        this.em = em;
        this.emitter = emitter;
        this.config = config;
    }

    @Scheduled(every = "${outbox.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "outbox-relay")
    void relay() {
        int published;
        do {
            published = publishBatch();
        } while (published == config.batchSize());
    }

    /** Publishes one batch; returns how many rows were published. */
    public int publishBatch() {
        Failure failure = new Failure();
        int published = QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> batch = em.createQuery(
                    "from OutboxEvent where publishedAt is null order by createdAt, id", OutboxEvent.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                    .setMaxResults(config.batchSize())
                    .getResultList();
            // The first row goes alone: while the broker is away a round costs one send, not a batch of sends piling
            // up in the producer. Once it is acknowledged the rest of the batch goes at once and the acknowledgements
            // are awaited in order: one round trip for the batch. The idempotent producer keeps each partition's order.
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage());
                if (acks.size() == 1) {
                    try {
                        acks.get(0).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    } catch (ExecutionException | TimeoutException | RuntimeException e) {
                        break; // recorded as the failure below
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            List<UUID> acked = new ArrayList<>(batch.size());
            for (int i = 0; i < acks.size(); i++) {
                OutboxEvent event = batch.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    // The rows after the first failure stay pending even if the broker took them: they are sent
                    // again in a later round (at least once; consumers are idempotent and ignore older versions).
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    failure.id = event.id;
                    failure.reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.id = event.id;
                    failure.reason = "interrupted";
                    break;
                }
                acked.add(event.id);
            }
            if (!acked.isEmpty()) {
                // One statement for the batch (the loaded rows stay unchanged, so nothing else is flushed).
                em.createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                        .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("ids", acked)
                        .executeUpdate();
            }
            return acked.size();
        });
        if (failure.id != null) {
            LOG.warnf("outbox event %s not published yet, will retry: %s", failure.id, failure.reason);
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                    "update OutboxEvent set attempts = attempts + 1, lastError = :reason where id = :id")
                    .setParameter("reason", truncate(failure.reason))
                    .setParameter("id", failure.id)
                    .executeUpdate());
        }
        return published;
    }

    /** Rows still waiting to be published (exposed for health and tests). */
    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                "select count(e) from OutboxEvent e where e.publishedAt is null", Long.class).getSingleResult());
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "outbox-cleanup")
    void deletePublished() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "delete from OutboxEvent where publishedAt is not null and publishedAt < :before")
                .setParameter("before", before).executeUpdate());
    }

    private Message<String> toMessage(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.id.toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.TYPE, event.type);
        header(headers, CloudEventHeaders.SUBJECT, event.subject);
        header(headers, CloudEventHeaders.TIME, event.createdAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, CloudEventHeaders.WARD, event.ward);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId)
                .withHeaders(headers)
                .build();
        return Message.of(event.payload).addMetadata(metadata);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static final class Failure {
        UUID id;
        String reason;
    }
}
