package vn.friendlygov.evidence.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class ListingReportTest {

    static String submit(Task task, String unit, String activityDate) {
        var r = Fixtures.as("officer", unit).multiPart("kind", "DOCUMENT").multiPart("title", "Văn bản " + activityDate)
                .multiPart("files", "vb.pdf", Fixtures.pdf(UUID.randomUUID().toString()), "application/pdf");
        if (activityDate != null) {
            r = r.multiPart("activityDate", activityDate);
        }
        return r.when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
    }

    @Test
    void evidenceIsListedByTaskItemCriterionUnitAndPeriod() {
        String lead = "L" + UUID.randomUUID().toString().substring(0, 6);
        Task a = new Task();
        a.leadUnit = lead;
        a.coordinatingUnits = List.of("KT");
        a.criterionCode = "TC-" + lead;
        a.publish();
        Task b = new Task();
        b.leadUnit = lead;
        b.coordinatingUnits = List.of();
        b.itemId = a.itemId;
        b.criterionCode = "TC-" + lead;
        b.publish();
        String a1 = submit(a, lead, "2026-01-10");
        String a2 = submit(a, "KT", "2026-02-20");
        String b1 = submit(b, lead, "2026-03-05");

        Fixtures.as("leader", null).queryParam("taskId", a.id).when().get("/api/v1/evidence").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(a1, a2));
        // each listed item carries its own history (read for the whole page at once)
        Fixtures.as("leader", null).contentType(ContentType.JSON).body(Map.of("reason", "Trùng với văn bản khác"))
                .when().post("/api/v1/evidence/" + a2 + "/withdraw").then().statusCode(200);
        Fixtures.as("leader", null).queryParam("taskId", a.id).when().get("/api/v1/evidence").then().statusCode(200)
                .body("items.find { it.id == '" + a1 + "' }.history.action", equalTo(List.of("SUBMITTED")))
                .body("items.find { it.id == '" + a2 + "' }.history.action", equalTo(List.of("SUBMITTED", "WITHDRAWN")))
                .body("items.find { it.id == '" + a2 + "' }.history[1].reason", equalTo("Trùng với văn bản khác"));
        Fixtures.as("leader", null).queryParam("itemId", a.itemId).when().get("/api/v1/evidence").then()
                .body("items.id", containsInAnyOrder(a1, a2, b1));
        Fixtures.as("reviewer", null).queryParam("criterionCode", "TC-" + lead).queryParam("unit", lead)
                .when().get("/api/v1/evidence").then().body("items.id", containsInAnyOrder(a1, b1));
        Fixtures.as("leader", null).queryParam("criterionCode", "TC-" + lead).queryParam("from", "2026-02-01")
                .queryParam("to", "2026-03-31").when().get("/api/v1/evidence").then()
                .body("items.id", containsInAnyOrder(a2, b1));
        Fixtures.as("leader", null).queryParam("criterionCode", "TC-" + lead).queryParam("size", "1")
                .when().get("/api/v1/evidence").then().body("items", hasSize(1)).body("total", equalTo(3));
        // an officer of a coordinating unit sees the evidence of that task only
        Fixtures.as("officer", "KT").queryParam("criterionCode", "TC-" + lead).when().get("/api/v1/evidence").then()
                .body("items.id", containsInAnyOrder(a1, a2));
        // another ward sees nothing of it; a city-wide admin must name the ward
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.token("leader", null, "an-lu"))
                .queryParam("criterionCode", "TC-" + lead).when().get("/api/v1/evidence").then()
                .statusCode(200).body("total", equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.token("admin", null, null))
                .queryParam("criterionCode", "TC-" + lead).when().get("/api/v1/evidence").then().statusCode(400);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.token("admin", null, null))
                .queryParam("ward", Fixtures.WARD).queryParam("criterionCode", "TC-" + lead)
                .when().get("/api/v1/evidence").then().statusCode(200).body("total", equalTo(3));
        Fixtures.as("leader", null).queryParam("from", "31/01/2026").when().get("/api/v1/evidence").then()
                .statusCode(400).contentType("application/problem+json");
        Fixtures.as("leader", null).queryParam("state", "LOST").when().get("/api/v1/evidence").then()
                .statusCode(400).body("violations[0].field", equalTo("state"));
    }

    @Test
    void theReportListsTasksDueSoonWithoutEvidence() {
        String unit = "R" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Task soon = task(unit, today.plusDays(2));
        Task later = task(unit, today.plusDays(20));
        Task withEvidence = task(unit, today.plusDays(1));
        Task withdrawnOnly = task(unit, today.plusDays(3));
        submit(withEvidence, unit, null);
        String w = submit(withdrawnOnly, unit, null);
        Fixtures.as("officer", unit).contentType(ContentType.JSON).body(Map.of("reason", "nhầm nhiệm vụ"))
                .when().post("/api/v1/evidence/" + w + "/withdraw").then().statusCode(200);

        Fixtures.as("officer", unit).queryParam("days", 7).when().get("/api/v1/reports/tasks-without-evidence").then()
                .statusCode(200)
                .body("from", equalTo(today.toString()))
                .body("items.taskId", containsInAnyOrder(soon.id, withdrawnOnly.id))
                .body("items.find { it.taskId == '" + soon.id + "' }.expectedEvidence",
                        equalTo("Các văn bản/ hình ảnh hoạt động triển khai thực hiện"));
        Fixtures.as("officer", unit).queryParam("days", 30).when().get("/api/v1/reports/tasks-without-evidence").then()
                .body("items.taskId", containsInAnyOrder(soon.id, withdrawnOnly.id, later.id));
        // another unit's officer does not see these tasks; a leader sees them among the ward's
        Fixtures.as("officer", "CA-" + unit).queryParam("days", 30).when().get("/api/v1/reports/tasks-without-evidence")
                .then().body("items", hasSize(0));
        Fixtures.as("leader", null).queryParam("days", 7).when().get("/api/v1/reports/tasks-without-evidence").then()
                .body("items.findAll { it.leadUnit == '" + unit + "' }.size()", equalTo(2));
        Fixtures.as("leader", null).queryParam("days", -1).when().get("/api/v1/reports/tasks-without-evidence").then()
                .statusCode(400).body("violations[0].field", equalTo("days"));
    }

    static Task task(String unit, LocalDate due) {
        Task t = new Task();
        t.leadUnit = unit;
        t.coordinatingUnits = List.of();
        t.dueDate = due;
        t.periodEnd = due;
        return t.publish();
    }
}
