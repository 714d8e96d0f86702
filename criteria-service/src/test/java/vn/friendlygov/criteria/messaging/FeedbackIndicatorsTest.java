package vn.friendlygov.criteria.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class FeedbackIndicatorsTest {

    static final String TOPIC = "feedback.feedback-events.v1";
    static final String WARD = "feedback-kpi";
    static final String TYPE = "vn.friendlygov.feedback.feedback.";

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    static void received(String eventId, String feedbackId, String channel, String receivedAt) {
        TopicProbe.send(Records.event(TOPIC, feedbackId, eventId, TYPE + "received.v1", WARD,
                "{\"feedbackId\":\"" + feedbackId + "\",\"trackingCode\":\"PL-1\",\"ward\":\"" + WARD
                        + "\",\"channel\":\"" + channel + "\",\"category\":\"Môi trường\",\"status\":\"RECEIVED\","
                        + "\"receivedAt\":\"" + receivedAt + "\"}"));
    }

    static void answered(String feedbackId, String answeredAt, boolean onTime) {
        TopicProbe.send(Records.event(TOPIC, feedbackId, UUID.randomUUID().toString(), TYPE + "answered.v1", WARD,
                "{\"feedbackId\":\"" + feedbackId + "\",\"ward\":\"" + WARD + "\",\"status\":\"ANSWERED\","
                        + "\"answeredAt\":\"" + answeredAt + "\",\"answeredOnTime\":" + onTime + "}"));
    }

    static Measurement measurement(String code, String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Indicator i = Indicator.find("planCode = ?1 and code = ?2", WARD + "-2026", code).firstResult();
            return Measurement.<Measurement>find("indicatorId = ?1 and period = ?2", i.id, period).firstResult();
        });
    }

    @Test
    void countsFatherlandFrontCollectionPerWeekOnce() {
        String e1 = UUID.randomUUID().toString();
        String f1 = UUID.randomUUID().toString();
        // Monday 2 March 2026 07:00 in Hà Nội is still Sunday 1 March in UTC: the business date counts (week 10)
        received(e1, f1, "FATHERLAND_FRONT", "2026-03-02T00:30:00Z");
        received(e1, f1, "FATHERLAND_FRONT", "2026-03-02T00:30:00Z"); // redelivered
        received(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "HOTLINE", "2026-03-03T03:00:00Z");
        String last = UUID.randomUUID().toString();
        received(UUID.randomUUID().toString(), last, "FATHERLAND_FRONT", "2026-03-08T17:30:00Z"); // Mon 9/3 00:30 local: week 11
        await().atMost(Duration.ofSeconds(30)).until(() -> measurement("FEEDBACK_COLLECTION_WEEKLY", "2026-W11") != null);
        Measurement w10 = measurement("FEEDBACK_COLLECTION_WEEKLY", "2026-W10");
        assertEquals(0, BigDecimal.ONE.compareTo(w10.numerator), "one Fatherland Front feedback in week 10");
        assertEquals("MET", w10.status);
        given().auth().oauth2(TestTokens.token("reviewer", "VHXH", WARD)).when()
                .get("/api/v1/plans/" + WARD + "-2026/indicators").then().statusCode(200)
                .body("find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.periods.size()", equalTo(53))
                .body("find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.periods.find { it.period == '2026-W10' }.status",
                        equalTo("MET"))
                .body("find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.periods.find { it.period == '2026-W09' }.status",
                        equalTo("NO_DATA"));
    }

    @Test
    void shareAnsweredOnTimePerMonth() {
        for (int i = 0; i < 3; i++) {
            answered(UUID.randomUUID().toString(), "2026-04-1" + i + "T03:00:00Z", i != 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Measurement m = measurement("FEEDBACK_ANSWERED_ON_TIME", "2026-04");
            return m != null && m.denominator.intValue() == 3;
        });
        Measurement m = measurement("FEEDBACK_ANSWERED_ON_TIME", "2026-04");
        assertEquals(2, m.numerator.intValue());
        assertEquals(0, new BigDecimal("66.6667").compareTo(m.value));
        assertEquals("NOT_MET", m.status);
        List<ConsumerRecord<String, String>> events = TopicProbe.readUntil("criteria.indicator-events.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> r.value().contains("\"period\":\"2026-04\"")
                        && r.value().contains("\"denominator\":3")));
        assertTrue(events.stream().anyMatch(r -> r.value().contains("\"code\":\"FEEDBACK_ANSWERED_ON_TIME\"")
                && r.value().contains("\"status\":\"NOT_MET\"")));
    }

    @Test
    void malformedFeedbackEventsGoToTheDeadLetterTopic() {
        String key = "fb-" + UUID.randomUUID();
        TopicProbe.send(Records.event(TOPIC, key, UUID.randomUUID().toString(), TYPE + "answered.v1", WARD,
                "{\"feedbackId\":\"" + key + "\",\"ward\":\"" + WARD + "\"}"));
        String notJson = "fb-" + UUID.randomUUID();
        TopicProbe.send(Records.event(TOPIC, notJson, UUID.randomUUID().toString(), TYPE + "received.v1", WARD,
                "{oops"));
        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("criteria.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().filter(r -> key.equals(r.key()) || notJson.equals(r.key()))
                        .count() == 2);
        assertTrue(dead.stream().anyMatch(r -> key.equals(r.key())
                && Records.deadLetterReason(r).contains("lacks answeredAt or answeredOnTime")));
        assertTrue(dead.stream().anyMatch(r -> notJson.equals(r.key())
                && Records.deadLetterReason(r).contains("not JSON")));
    }
}
