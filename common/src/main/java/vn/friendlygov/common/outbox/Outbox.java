package vn.friendlygov.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import vn.friendlygov.common.ids.TimeOrderedIds;

/**
 * Records an event in the outbox. Must run inside the transaction that makes the change, so that the change and
 * its event commit together or not at all; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param topic       the producing aggregate's topic, e.g. {@code criteria.task-events.v1}
     * @param type        the CloudEvents type, e.g. {@code vn.friendlygov.criteria.task.status-changed.v1}
     * @param aggregateId the record key: one aggregate's events stay in order on one partition
     * @param ward        the tenant the event belongs to
     * @param data        the event payload (a record owned by the producer), serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String aggregateId, String ward, Object data) {
        OutboxEvent e = event(topic, type, aggregateId, ward, data);
        e.persist();
        return e.id;
    }

    /** The row {@link #publish} would write, not yet written: for writers that store many rows in one statement. */
    public OutboxEvent event(String topic, String type, String aggregateId, String ward, Object data) {
        OutboxEvent e = new OutboxEvent();
        e.id = TimeOrderedIds.next();
        e.topic = topic;
        e.type = type;
        e.aggregateId = aggregateId;
        e.subject = aggregateId;
        e.ward = ward;
        try {
            e.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event data of " + type + " cannot be written as JSON", ex);
        }
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }
}
