package vn.friendlygov.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import vn.friendlygov.common.db.BatchedDelete;
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
    private final AgroalDataSource dataSource;
    private final KafkaClientService kafka;
    private final OutboxConfig config;
    private volatile Producer<String, String> producer;

    /**
     * The emitter is not used to send: it keeps the {@code outbox} channel wired, so that the connector creates its
     * producer (configured under {@code mp.messaging.outgoing.outbox.*}). The relay sends through that producer
     * directly: an emitter's message per event (Mutiny, context propagation, a hop to the sending thread) was a
     * fifth of the feedback service's CPU at 2,000 events a second (docs/2026-12-07-feedback-tail.md).
     */
    public OutboxRelay(EntityManager em, AgroalDataSource dataSource,
            @Channel("outbox") MutinyEmitter<String> wiresTheChannel, KafkaClientService kafka, OutboxConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.kafka = kafka;
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
        // Plain JDBC on the transaction's connection: the rows are read once and never changed in memory, so
        // entities (their snapshots and dirty checks, thousands a second under load) would only cost CPU.
        int published = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<Row> batch = take(c);
                List<UUID> acked = send(batch, failure);
                if (!acked.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "update outbox_event set published_at = ? where id = any(?)")) {
                        ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                        ps.setArray(2, c.createArrayOf("uuid", acked.toArray()));
                        ps.executeUpdate();
                    }
                }
                return acked.size();
            }
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

    /** The oldest unpublished rows no other relay holds, locked until the round commits. */
    private List<Row> take(Connection c) throws SQLException {
        List<Row> batch = new ArrayList<>(config.batchSize());
        try (PreparedStatement ps = c.prepareStatement("select id, topic, event_type, aggregate_id, subject, ward,"
                + " payload, created_at from outbox_event where published_at is null order by created_at, id"
                + " limit ? for update skip locked")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return batch;
    }

    /**
     * Sends a batch and returns the ids the broker acknowledged, in order, up to the first failure (recorded in
     * {@code failure}). The first row goes alone: while the broker is away a round costs one send, not a batch of
     * sends piling up in the producer. Once it is acknowledged the rest of the batch goes at once and the
     * acknowledgements are awaited in order: one round trip for the batch. The idempotent producer keeps each
     * partition's order.
     */
    private List<UUID> send(List<Row> batch, Failure failure) {
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Row event : batch) {
            try {
                acks.add(producer().send(toRecord(event)));
            } catch (RuntimeException e) {
                // refused at once (no metadata within max.block.ms, a closed producer): recorded below
                failure.id = event.id();
                failure.reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                break;
            }
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
            Row event = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // The rows after the first failure stay pending even if the broker took them: they are sent
                // again in a later round (at least once; consumers are idempotent and ignore older versions).
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                failure.id = event.id();
                failure.reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.id = event.id();
                failure.reason = "interrupted";
                break;
            }
            acked.add(event.id());
        }
        return acked;
    }

    /** Rows still waiting to be published (exposed for health and tests). */
    public long pending() {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                "select count(e) from OutboxEvent e where e.publishedAt is null", Long.class).getSingleResult());
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = "outbox-cleanup")
    void scheduledCleanup() {
        deletePublished(BatchedDelete.BATCH);
    }

    /** Deletes the rows published before the retention, {@code batch} rows per transaction; returns how many. */
    public int deletePublished(int batch) {
        return BatchedDelete.run(em, "delete from outbox_event where id in (select id from outbox_event"
                + " where published_at is not null and published_at < ?1 order by published_at limit ?2"
                + " for update skip locked)", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()), batch);
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            KafkaProducer<String, String> channel = kafka.getProducer("outbox");
            if (channel == null) {
                throw new IllegalStateException("the outbox channel has no Kafka producer");
            }
            p = channel.unwrap();
            producer = p;
        }
        return p;
    }

    private ProducerRecord<String, String> toRecord(Row event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.id().toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.SOURCE, config.source());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SUBJECT, event.subject());
        header(headers, CloudEventHeaders.TIME, event.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, CloudEventHeaders.WARD, event.ward());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(event.topic(), null, event.aggregateId(), event.payload(), headers);
    }

    /** An outbox row as the relay reads it. */
    private record Row(UUID id, String topic, String type, String aggregateId, String subject, String ward,
            String payload, OffsetDateTime createdAt) {
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
