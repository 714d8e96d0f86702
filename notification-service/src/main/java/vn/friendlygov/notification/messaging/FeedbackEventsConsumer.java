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
import vn.friendlygov.notification.readmodel.FeedbackView;
import vn.friendlygov.notification.service.LetterService;
import vn.friendlygov.notification.service.ReadModels;
import vn.friendlygov.notification.service.ReminderPlanner;

/**
 * Feedback events keep the feedback read model and its answer-deadline reminders; a case routed to a unit lands in
 * its inbox, and a case gone overdue also gets a draft apology letter for a leader to approve. Consumed in batches
 * like task events ({@link BatchProcessing}).
 */
@ApplicationScoped
public class FeedbackEventsConsumer {

    static final String CONSUMER = "notification.feedback-events";
    static final String PREFIX = "vn.friendlygov.feedback.feedback.";
    static final String RECEIVED = PREFIX + "received.v1";
    static final String ASSIGNED = PREFIX + "assigned.v1";
    static final String OVERDUE = PREFIX + "overdue.v1";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final ReadModels readModels;
    private final ReminderPlanner planner;
    private final InboxService inbox;
    private final LetterService letters;
    private final BatchProcessing batches;

    public FeedbackEventsConsumer(EventReader reader, ProcessedEvents processed, ReadModels readModels,
            ReminderPlanner planner, InboxService inbox, LetterService letters, BatchProcessing batches) {
        this.reader = reader;
        this.processed = processed;
        this.readModels = readModels;
        this.planner = planner;
        this.inbox = inbox;
        this.letters = letters;
        this.batches = batches;
    }

    @Incoming("feedback-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.process(records, this::handle);
    }

    /** One event, inside the transaction of its batch (or its own, when the batch is redone record by record). */
    void handle(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        if (!event.type().startsWith(PREFIX)) {
            return;
        }
        FeedbackEvent e = reader.data(event, FeedbackEvent.class);
        if (e.feedbackId() == null || e.ward() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks feedbackId or ward");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        FeedbackView before = FeedbackView.findById(e.feedbackId());
        String unitBefore = before == null ? null : before.unit;
        FeedbackView view = readModels.apply(e);
        String code = view.trackingCode == null ? view.feedbackId : view.trackingCode;
        // A routed case comes as received and assigned naming the same unit: the unit hears of it once, and again
        // only when the case is reassigned to another unit.
        boolean newToUnit = view.unit != null && !view.unit.equals(unitBefore);
        if (newToUnit && (RECEIVED.equals(event.type()) || ASSIGNED.equals(event.type()))) {
            inbox.notify(view.ward, view.unit, "FEEDBACK_ASSIGNED", "Phản ánh mới giao cho đơn vị: " + code
                    + (view.category == null ? "" : " — " + view.category),
                    view.dueDate == null ? null : "Hạn trả lời: " + view.dueDate, view.feedbackId, event.id());
        }
        if (OVERDUE.equals(event.type())) {
            if (view.unit != null) {
                inbox.notify(view.ward, view.unit, "FEEDBACK_OVERDUE", "Phản ánh quá hạn trả lời: " + code,
                        "Thư xin lỗi dự thảo đã được tạo, chờ lãnh đạo duyệt.", view.feedbackId, event.id());
            }
            letters.draftApologyFor(view);
        }
        planner.planFeedback(view);
    }
}
