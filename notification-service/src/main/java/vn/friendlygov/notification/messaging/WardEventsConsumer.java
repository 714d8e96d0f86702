package vn.friendlygov.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.notification.readmodel.WardProfile;
import vn.friendlygov.notification.service.Letterhead;

/**
 * The ward registry's events keep {@link WardProfile} (what letters print as the issuing body). Each event carries
 * the whole profile with its version; an older version than the one kept changes nothing, so a replay or a
 * reordering cannot bring back an old name. Batches and dead letters as the other consumers.
 */
@ApplicationScoped
public class WardEventsConsumer {

    static final String CONSUMER = "notification.ward-events";
    static final String UPDATED = "vn.friendlygov.criteria.ward.updated.v1";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final BatchProcessing batches;

    public WardEventsConsumer(EventReader reader, ProcessedEvents processed, BatchProcessing batches) {
        this.reader = reader;
        this.processed = processed;
        this.batches = batches;
    }

    @Incoming("ward-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(records, this::handle);
    }

    void handle(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!UPDATED.equals(event.type())) {
            return;
        }
        WardEvent ward = reader.data(event, WardEvent.class);
        if (ward.code() == null || ward.name() == null || ward.name().isBlank() || ward.version() == null
                || Letterhead.label(ward.kind()) == null) {
            throw new MalformedEventException("event " + event.id() + " lacks code, name, version or a known kind");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        WardProfile p = WardProfile.findById(ward.code(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            p = new WardProfile();
            p.code = ward.code();
        } else if (p.version >= ward.version()) {
            return;
        }
        p.kind = ward.kind();
        p.name = ward.name();
        p.version = ward.version();
        p.persist();
    }
}
