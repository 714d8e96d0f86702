package vn.friendlygov.criteria.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** CloudEvents binary-mode records as the other services publish them. */
final class Records {

    private Records() {
    }

    static ProducerRecord<String, String> event(String topic, String key, String eventId, String type, String ward,
            String data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, data);
        header(r, "ce_id", eventId);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/friendlygov/test");
        header(r, "ce_type", type);
        header(r, "ce_time", "2026-03-05T02:00:00Z");
        header(r, "ce_ward", ward);
        return r;
    }

    static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String deadLetterReason(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
