package vn.friendlygov.criteria.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.TestClock;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/**
 * Weekly Fatherland Front collection is counted from our own events, so a week that has ended without any is data:
 * NOT_MET with 0. A week not yet ended, or one that ended before the ward's feedback data starts, is NO_DATA. A share
 * (answered on time) of a month without answers stays NO_DATA: 0 of 0 is no measurement.
 */
@QuarkusTest
class FeedbackZeroWeeksTest {

    static final String WARD = "feedback-zero";
    static final String PLAN = WARD + "-2026";
    static final String WEEKLY = "find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }";

    @Inject
    TestClock clock;

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static void collected(String receivedAt) {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(Records.event(FeedbackIndicatorsTest.TOPIC, id, UUID.randomUUID().toString(),
                FeedbackIndicatorsTest.TYPE + "received.v1", WARD,
                "{\"feedbackId\":\"" + id + "\",\"ward\":\"" + WARD + "\",\"channel\":\"FATHERLAND_FRONT\","
                        + "\"status\":\"RECEIVED\",\"receivedAt\":\"" + receivedAt + "\"}"));
    }

    static boolean measured(String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Indicator i = Indicator.find("planCode = ?1 and code = 'FEEDBACK_COLLECTION_WEEKLY'", PLAN).firstResult();
            return Measurement.count("indicatorId = ?1 and period = ?2", i.id, period) > 0;
        });
    }

    static ValidatableResponse indicators() {
        return given().auth().oauth2(TestTokens.token("leader", "VP", WARD)).when()
                .get("/api/v1/plans/" + PLAN + "/indicators").then().statusCode(200);
    }

    static ValidatableResponse progress(String asOf) {
        return given().auth().oauth2(TestTokens.token("leader", "VP", WARD)).queryParam("asOf", asOf).when()
                .get("/api/v1/plans/" + PLAN + "/progress").then().statusCode(200);
    }

    static String week(String w) {
        return WEEKLY + ".periods.find { it.period == '2026-" + w + "' }";
    }

    @Test
    void anEndedWeekWithoutCollectionIsNotMetAndZero() {
        clock.set("2026-03-25T05:00:00Z"); // Wednesday of week 13 in Hà Nội
        collected("2026-03-04T02:00:00Z"); // week 10: the ward's first feedback fact
        await().atMost(Duration.ofSeconds(30)).until(() -> measured("2026-W10"));

        indicators()
                .body(week("W09") + ".status", equalTo("NO_DATA")) // ended before the ward's data starts
                .body(week("W10") + ".status", equalTo("MET"))
                .body(week("W11") + ".status", equalTo("NOT_MET"))
                .body(week("W11") + ".numerator", equalTo(0.0f))
                .body(week("W11") + ".source", equalTo("feedback-events"))
                .body(week("W12") + ".status", equalTo("NOT_MET"))
                .body(week("W13") + ".status", equalTo("NO_DATA")) // not ended yet
                .body(week("W14") + ".status", equalTo("NO_DATA"))
                .body(WEEKLY + ".latestStatus", equalTo("NOT_MET"))
                .body("find { it.code == 'FEEDBACK_ANSWERED_ON_TIME' }.periods[2].status", equalTo("NO_DATA"));

        // progress as of a date sees the weeks ended by then; as of today the last ended week is 12
        progress("2026-03-25").body("indicators." + WEEKLY + ".status", equalTo("NOT_MET"))
                .body("indicators." + WEEKLY + ".latestPeriod", equalTo("2026-W12"));
        progress("2026-03-10").body("indicators." + WEEKLY + ".status", equalTo("MET"))
                .body("indicators." + WEEKLY + ".latestPeriod", equalTo("2026-W10"));

        // a collection reported late for week 12 turns it MET, and the cached progress follows
        collected("2026-03-18T02:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> measured("2026-W12"));
        indicators().body(week("W12") + ".status", equalTo("MET")).body(week("W12") + ".numerator", equalTo(1.0f));
        progress("2026-03-25").body("indicators." + WEEKLY + ".status", equalTo("MET"));

        // the next day is Thursday of the same week: nothing more ended; on Monday 30 March week 13 has ended empty
        clock.set("2026-03-30T01:00:00Z");
        indicators().body(week("W13") + ".status", equalTo("NOT_MET"));
        progress("2026-03-30").body("indicators." + WEEKLY + ".latestPeriod", equalTo("2026-W13"))
                .body("indicators." + WEEKLY + ".status", equalTo("NOT_MET"));
    }

    @Test
    void aWardWithoutAnyFeedbackDataHasNoDataRatherThanZeros() {
        String other = "feedback-none";
        SeedImports.importSeedOnce(other);
        clock.set("2026-06-01T05:00:00Z");
        given().auth().oauth2(TestTokens.token("leader", "VP", other)).when()
                .get("/api/v1/plans/" + other + "-2026/indicators").then().statusCode(200)
                .body(WEEKLY + ".periods.find { it.period == '2026-W10' }.status", equalTo("NO_DATA"))
                .body(WEEKLY + ".latestStatus", equalTo("NO_DATA"));
        given().auth().oauth2(TestTokens.token("leader", "VP", other)).queryParam("asOf", "2026-05-31").when()
                .get("/api/v1/plans/" + other + "-2026/progress").then().statusCode(200)
                .body("indicators.find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.status", equalTo("NO_DATA"))
                .body("indicators.find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.latestPeriod", nullValue());
    }
}
