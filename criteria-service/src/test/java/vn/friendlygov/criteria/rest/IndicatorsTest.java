package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class IndicatorsTest {

    static final String WARD = "kpi-ward";
    static final String PLAN = WARD + "-2026";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    static String id(String code) {
        return given().auth().oauth2(LEADER).when().get("/api/v1/plans/" + PLAN + "/indicators").then()
                .statusCode(200).extract().path("find { it.code == '" + code + "' }.id");
    }

    static io.restassured.response.ValidatableResponse measure(String token, String code, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/indicators/" + id(code) + "/measurements").then();
    }

    @Test
    void thePlanHasItsMeasurableTargetsAsIndicators() {
        given().auth().oauth2(LEADER).when().get("/api/v1/plans/" + PLAN + "/indicators").then().statusCode(200)
                .body("code", equalTo(List.of("FEEDBACK_COLLECTION_WEEKLY", "FEEDBACK_ANSWERED_ON_TIME",
                        "PROCEDURES_ON_TIME", "CITIZEN_RECEPTION", "LEADER_FIELD_VISITS", "DIGITAL_SIGNING",
                        "HP_SMART_INSTALLS", "ONLINE_SERVICES")))
                .body("find { it.code == 'DIGITAL_SIGNING' }.comparator", equalTo("GTE"))
                .body("find { it.code == 'DIGITAL_SIGNING' }.target", equalTo(90.0f))
                .body("find { it.code == 'DIGITAL_SIGNING' }.unitCode", equalTo("VP"))
                .body("find { it.code == 'DIGITAL_SIGNING' }.name",
                        equalTo("Tỷ lệ ký số văn bản phát hành đạt từ 90% trở lên"))
                .body("find { it.code == 'HP_SMART_INSTALLS' }.comparator", equalTo("GT"))
                .body("find { it.code == 'HP_SMART_INSTALLS' }.periodicity", equalTo("QUARTERLY"))
                .body("find { it.code == 'PROCEDURES_ON_TIME' }.target", equalTo(100.0f))
                .body("find { it.code == 'LEADER_FIELD_VISITS' }.periodicity", equalTo("WEEKLY"))
                .body("find { it.code == 'CITIZEN_RECEPTION' }.periodicity", equalTo("MONTHLY"))
                .body("find { it.code == 'ONLINE_SERVICES' }.latestStatus", equalTo("NO_DATA"));
    }

    @Test
    void measurementsSayMetOrNotMetPerPeriod() {
        measure(LEADER, "DIGITAL_SIGNING", "{\"period\":\"2026-03\",\"numerator\":92,\"denominator\":100,"
                + "\"source\":\"Hệ thống quản lý văn bản\"}").statusCode(200)
                .body("status", equalTo("MET")).body("value", equalTo(92.0f)).body("actor", equalTo("leader-VP@" + WARD));
        measure(TestTokens.token("officer", "VP", WARD), "DIGITAL_SIGNING",
                "{\"period\":\"2026-04\",\"numerator\":170,\"denominator\":200,\"source\":\"Báo cáo tháng 4\"}")
                .statusCode(200).body("status", equalTo("NOT_MET"));
        // exactly 100% of households is not "more than 100%"
        measure(LEADER, "HP_SMART_INSTALLS", "{\"period\":\"2026-Q1\",\"numerator\":4200,\"denominator\":4200,"
                + "\"source\":\"Sở TT&TT\"}").statusCode(200).body("status", equalTo("NOT_MET"));
        measure(LEADER, "HP_SMART_INSTALLS", "{\"period\":\"2026-Q2\",\"numerator\":4300,\"denominator\":4200,"
                + "\"source\":\"Sở TT&TT\"}").statusCode(200).body("status", equalTo("MET"));
        measure(LEADER, "LEADER_FIELD_VISITS", "{\"period\":\"2026-W12\",\"numerator\":2,\"source\":\"Lịch công tác\"}")
                .statusCode(200).body("status", equalTo("MET"));
        // a correction of the same period replaces the value
        measure(LEADER, "DIGITAL_SIGNING", "{\"period\":\"2026-03\",\"numerator\":80,\"denominator\":100,"
                + "\"source\":\"Hệ thống quản lý văn bản (sửa)\"}").statusCode(200).body("status", equalTo("NOT_MET"));
        given().auth().oauth2(LEADER).when().get("/api/v1/plans/" + PLAN + "/indicators").then()
                .body("find { it.code == 'DIGITAL_SIGNING' }.periods.size()", equalTo(12))
                .body("find { it.code == 'DIGITAL_SIGNING' }.periods[2].status", equalTo("NOT_MET"))
                .body("find { it.code == 'DIGITAL_SIGNING' }.periods[2].source",
                        equalTo("Hệ thống quản lý văn bản (sửa)"))
                .body("find { it.code == 'DIGITAL_SIGNING' }.periods[4].status", equalTo("NO_DATA"))
                .body("find { it.code == 'HP_SMART_INSTALLS' }.latestStatus", equalTo("MET"));
    }

    @Test
    void badMeasurementsAreRefused() {
        measure(LEADER, "DIGITAL_SIGNING", "{\"period\":\"2026-13\",\"numerator\":1,\"denominator\":0,\"source\":\"x\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("period", "denominator")));
        measure(LEADER, "DIGITAL_SIGNING", "{\"period\":\"2025-03\",\"numerator\":1,\"denominator\":2,\"source\":\"x\"}")
                .statusCode(400).body("violations.field", hasItem("period"));
        measure(LEADER, "DIGITAL_SIGNING", "{\"period\":\"2026-03\",\"numerator\":-1,\"source\":\"\"}")
                .statusCode(400).body("violations.field", hasItem("numerator")).body("violations.field", hasItem("source"));
        measure(LEADER, "FEEDBACK_COLLECTION_WEEKLY", "{\"period\":\"2026-W10\",\"numerator\":5,\"source\":\"x\"}")
                .statusCode(409);
        measure(TestTokens.token("officer", "KT", WARD), "DIGITAL_SIGNING",
                "{\"period\":\"2026-05\",\"numerator\":1,\"denominator\":2,\"source\":\"x\"}").statusCode(403);
        measure(TestTokens.token("leader", "VP", "other"), "DIGITAL_SIGNING",
                "{\"period\":\"2026-05\",\"numerator\":1,\"denominator\":2,\"source\":\"x\"}").statusCode(403);
        given().auth().oauth2(LEADER).when().get("/api/v1/plans/" + PLAN + "/indicators").then()
                .body("find { it.code == 'DIGITAL_SIGNING' }.periods[4].status", equalTo("NO_DATA"));
    }
}
