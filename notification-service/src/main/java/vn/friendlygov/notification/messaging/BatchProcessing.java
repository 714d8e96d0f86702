package vn.friendlygov.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ConsumerRetry;

/**
 * Applies a consumer to a polled batch in one transaction: one commit per batch instead of one per event is what
 * lets the consumer keep up with bursts. A record that fails spoils the batch's transaction, so the batch is then
 * redone record by record in its own transactions (each retried by {@link ConsumerRetry} after a transient failure),
 * and only the records that still fail go to the dead-letter topic (with the headers SmallRye's dead-letter strategy
 * would add). The effects are idempotent (processed_event), so redoing a record is harmless. Only when the dead-letter topic cannot be written does this throw, which stops the
 * channel rather than lose the record.
 */
@ApplicationScoped
public class BatchProcessing {

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(15);

    private final MutinyEmitter<String> deadLetters;
    private final ConsumerRetry retry;

    public BatchProcessing(@Channel("dead-letters") MutinyEmitter<String> deadLetters, ConsumerRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    public void process(ConsumerRecords<String, String> records, Consumer<ConsumerRecord<String, String>> handler) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        try {
            QuarkusTransaction.requiringNew().run(() -> all.forEach(handler));
            return;
        } catch (RuntimeException batchFailed) {
            // fall through: find the record(s) to blame
        }
        for (ConsumerRecord<String, String> r : all) {
            try {
                // a record that fails alone may have failed for a passing reason: retried before the dead letter
                retry.run("event " + r.topic() + "/" + r.partition() + "@" + r.offset(),
                        () -> QuarkusTransaction.requiringNew().run(() -> handler.accept(r)));
            } catch (RuntimeException e) {
                deadLetter(r, reason(e));
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, String> r, Throwable e) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h);
        }
        header(headers, "dead-letter-reason", e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            header(headers, "dead-letter-cause", e.getCause().getMessage());
        }
        header(headers, "dead-letter-exception-class-name", e.getClass().getName());
        header(headers, "dead-letter-topic", r.topic());
        header(headers, "dead-letter-partition", String.valueOf(r.partition()));
        header(headers, "dead-letter-offset", String.valueOf(r.offset()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(r.key()).withHeaders(headers).build();
        deadLetters.sendMessage(Message.of(r.value() == null ? "" : r.value()).addMetadata(metadata))
                .await().atMost(DEAD_LETTER_TIMEOUT);
    }

    /** The exception that says why: a malformed event's own message, not the transaction wrapper's. */
    private static Throwable reason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MalformedEventException) {
                return c;
            }
        }
        return e;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
