package vn.friendlygov.notification.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.testsupport.TopicProbe;

/** Feedback and evidence events go the task events' batch path: a bad one is dead-lettered alone. */
@QuarkusTest
class FeedbackAndEvidenceBatchTest {

    @Test
    void aMalformedFeedbackOrEvidenceEventIsDeadLetteredAndItsNeighboursStillReachTheInbox() {
        String ward = TestEvents.uniqueWard();
        String badFeedback = "bad-fb-" + UUID.randomUUID();
        TestEvents.publish(TestEvents.FEEDBACK, badFeedback, TestEvents.FEEDBACK_TYPE + "received.v1", ward,
                "{\"ward\":\"" + ward + "\",\"unit\":\"KT\"}");
        String feedbackId = UUID.randomUUID().toString();
        TestEvents.publish(TestEvents.FEEDBACK, feedbackId, TestEvents.FEEDBACK_TYPE + "received.v1", ward,
                "{\"feedbackId\":\"" + feedbackId + "\",\"trackingCode\":\"PL-2026-000501\",\"ward\":\"" + ward
                        + "\",\"unit\":\"KT\",\"category\":\"Trật tự đô thị\",\"status\":\"RECEIVED\","
                        + "\"dueDate\":\"2026-12-20\"}");
        String badEvidence = "bad-ev-" + UUID.randomUUID();
        TestEvents.publish(TestEvents.EVIDENCE, badEvidence, TestEvents.EVIDENCE_TYPE + "submitted.v1", ward,
                "{\"evidenceId\":\"" + badEvidence + "\",\"ward\":\"" + ward + "\"}");
        String evidenceId = UUID.randomUUID().toString();
        TestEvents.publish(TestEvents.EVIDENCE, evidenceId, TestEvents.EVIDENCE_TYPE + "submitted.v1", ward,
                "{\"evidenceId\":\"" + evidenceId + "\",\"taskId\":\"t-1\",\"ward\":\"" + ward + "\",\"unit\":\"KT\","
                        + "\"kind\":\"PHOTO\",\"title\":\"Ảnh họp dân tổ dân phố số 3\",\"revision\":1,"
                        + "\"state\":\"SUBMITTED\"}");

        awaitTrue(() -> InboxNotification.count("subjectId", feedbackId) == 1
                && InboxNotification.count("subjectId", evidenceId) == 1);
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("notification.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().filter(r -> badFeedback.equals(r.key())
                        || badEvidence.equals(r.key())).count() == 2);
        ConsumerRecord<String, String> fb = dead.stream().filter(r -> badFeedback.equals(r.key())).findFirst().orElseThrow();
        assertTrue(header(fb, "dead-letter-reason").contains("lacks feedbackId or ward"), header(fb, "dead-letter-reason"));
        assertEquals(TestEvents.FEEDBACK, header(fb, "dead-letter-topic"));
        ConsumerRecord<String, String> ev = dead.stream().filter(r -> badEvidence.equals(r.key())).findFirst().orElseThrow();
        assertTrue(header(ev, "dead-letter-reason").contains("lacks evidenceId, ward, unit or title"));
        assertEquals(TestEvents.EVIDENCE, header(ev, "dead-letter-topic"));
        assertEquals(0L, TestEvents.tx(() -> InboxNotification.count("subjectId", badEvidence)));
    }

    @Test
    void aRoutedCaseIsAnnouncedToItsUnitOnceAndToANewUnitWhenReassigned() {
        String ward = TestEvents.uniqueWard();
        String id = UUID.randomUUID().toString();
        String routed = "{\"feedbackId\":\"" + id + "\",\"trackingCode\":\"9EZ3J3AW\",\"ward\":\"" + ward
                + "\",\"unit\":\"KT\",\"category\":\"MOI_TRUONG\",\"status\":\"%s\",\"dueDate\":\"2026-12-09\"}";
        // intake routes a case by its category: feedback-service emits received and assigned, both naming KT
        TestEvents.publish(TestEvents.FEEDBACK, id, TestEvents.FEEDBACK_TYPE + "received.v1", ward,
                routed.formatted("ASSIGNED"));
        TestEvents.publish(TestEvents.FEEDBACK, id, TestEvents.FEEDBACK_TYPE + "assigned.v1", ward,
                routed.formatted("ASSIGNED"));
        // a later event of the same case, so that both before it have been consumed when it has
        TestEvents.publish(TestEvents.FEEDBACK, id, TestEvents.FEEDBACK_TYPE + "assigned.v1", ward,
                routed.formatted("ASSIGNED").replace("\"KT\"", "\"VP\""));

        awaitTrue(() -> InboxNotification.count("subjectId = ?1 and unit = ?2", id, "VP") == 1);
        assertEquals(1L, TestEvents.tx(() -> InboxNotification.count("subjectId = ?1 and unit = ?2", id, "KT")),
                "received and assigned of one routing are one notification");
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
