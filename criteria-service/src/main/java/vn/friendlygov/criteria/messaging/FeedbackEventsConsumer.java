package vn.friendlygov.criteria.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.events.EventEnvelope;
import vn.friendlygov.common.events.EventReader;
import vn.friendlygov.common.events.MalformedEventException;
import vn.friendlygov.common.messaging.ProcessedEvents;
import vn.friendlygov.common.messaging.RetryTransientFailures;
import vn.friendlygov.criteria.kpi.FeedbackFact;
import vn.friendlygov.criteria.service.FeedbackIndicators;

/**
 * Feedback events feed the indicators whose data is ours: {@code received} records the channel and the day it was
 * collected, {@code answered} when and whether on time; then the affected week's and month's measurements are
 * recomputed from the facts (so a redelivered or reordered event cannot count twice). Other types are ignored.
 */
@ApplicationScoped
public class FeedbackEventsConsumer {

    static final String CONSUMER = "criteria.feedback-events";
    static final String RECEIVED = "vn.friendlygov.feedback.feedback.received.v1";
    static final String ANSWERED = "vn.friendlygov.feedback.feedback.answered.v1";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final FeedbackIndicators indicators;

    public FeedbackEventsConsumer(EventReader reader, ProcessedEvents processed, FeedbackIndicators indicators) {
        this.reader = reader;
        this.processed = processed;
        this.indicators = indicators;
    }

    @Incoming("feedback-events")
    @Blocking
    @RetryTransientFailures
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        EventEnvelope event = reader.read(record);
        boolean received = RECEIVED.equals(event.type());
        if (!received && !ANSWERED.equals(event.type())) {
            return;
        }
        FeedbackEvent f = reader.data(event, FeedbackEvent.class);
        if (f.feedbackId() == null || f.ward() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks feedbackId or ward");
        }
        if (received && f.receivedAt() == null && f.collectionDate() == null) {
            throw new MalformedEventException("event " + event.id() + " lacks receivedAt");
        }
        if (!received && (f.answeredAt() == null || f.answeredOnTime() == null)) {
            throw new MalformedEventException("event " + event.id() + " lacks answeredAt or answeredOnTime");
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        FeedbackFact fact = FeedbackFact.findById(f.feedbackId());
        if (fact == null) {
            fact = new FeedbackFact();
            fact.feedbackId = f.feedbackId();
            fact.ward = f.ward();
        }
        if (received) {
            fact.channel = f.channel();
            fact.collectedOn = f.collectionDate() != null ? f.collectionDate()
                    : f.receivedAt().atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        } else {
            fact.answeredOn = f.answeredAt().atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
            fact.answeredOnTime = f.answeredOnTime();
        }
        fact.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        fact.persist();
        fact.flush();
        if (received) {
            indicators.recountCollection(fact.ward, fact.collectedOn);
        } else {
            indicators.recountOnTime(fact.ward, fact.answeredOn);
        }
    }
}
