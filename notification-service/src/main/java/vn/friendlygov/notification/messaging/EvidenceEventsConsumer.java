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
import vn.friendlygov.notification.inbox.InboxService;
import vn.friendlygov.notification.reminder.ReminderPolicy;

/**
 * Evidence waiting for review lands in the evaluating unit's inbox; a review's outcome in the submitting unit's.
 * Consumed in batches like task events ({@link BatchProcessing}).
 */
@ApplicationScoped
public class EvidenceEventsConsumer {

    static final String CONSUMER = "notification.evidence-events";
    static final String PREFIX = "vn.friendlygov.evidence.evidence.";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final InboxService inbox;
    private final BatchProcessing batches;

    public EvidenceEventsConsumer(EventReader reader, ProcessedEvents processed, InboxService inbox,
            BatchProcessing batches) {
        this.reader = reader;
        this.processed = processed;
        this.inbox = inbox;
        this.batches = batches;
    }

    @Incoming("evidence-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(records, this::handle);
    }

    /** One event, inside the transaction of its batch (or its own, when the batch is redone record by record). */
    void handle(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        String type = event.type();
        if (!type.startsWith(PREFIX)) {
            return;
        }
        EvidenceEvent e = reader.data(event, EvidenceEvent.class);
        if (e.evidenceId() == null || e.ward() == null || e.unit() == null || e.title() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks evidenceId, ward, unit or title");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        if (type.endsWith(".submitted.v1") || type.endsWith(".revised.v1")) {
            inbox.notify(e.ward(), ReminderPolicy.of(e.ward()).reviewerUnit, "EVIDENCE_TO_REVIEW",
                    "Minh chứng chờ duyệt: " + e.title(), "Đơn vị nộp: " + e.unit() + ", lần " + e.revision() + ".",
                    e.evidenceId(), event.id());
        } else if (type.endsWith(".reviewed.v1")) {
            boolean accepted = "ACCEPTED".equals(e.state());
            inbox.notify(e.ward(), e.unit(), accepted ? "EVIDENCE_ACCEPTED" : "EVIDENCE_REJECTED",
                    (accepted ? "Minh chứng được chấp nhận: " : "Minh chứng bị trả lại: ") + e.title(), e.reason(),
                    e.evidenceId(), event.id());
        }
    }
}
