package vn.friendlygov.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads a Kafka record in CloudEvents binary mode into an {@link EventEnvelope}, or says why it cannot. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope read(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String spec = required(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(spec)) {
            throw new MalformedEventException("unsupported CloudEvents specversion " + spec);
        }
        OffsetDateTime time = null;
        String rawTime = header(record, CloudEventHeaders.TIME);
        if (rawTime != null) {
            try {
                time = OffsetDateTime.parse(rawTime);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("header ce_time is not an RFC 3339 time: " + rawTime);
            }
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException("event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id + " data is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!data.isObject()) {
            throw new MalformedEventException("event " + id + " data is not a JSON object");
        }
        return new EventEnvelope(id, source, type, header(record, CloudEventHeaders.SUBJECT),
                header(record, CloudEventHeaders.WARD), time, record.key(), data);
    }

    /** Maps the event's data onto the consumer's own record type; a missing or mistyped field is a malformed event. */
    public <T> T data(EventEnvelope event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " does not match " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String v = header(record, name);
        if (v == null || v.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return v;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
