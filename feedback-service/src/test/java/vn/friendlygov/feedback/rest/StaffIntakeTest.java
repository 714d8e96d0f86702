package vn.friendlygov.feedback.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.friendlygov.feedback.Clients.feedbackRows;
import static vn.friendlygov.feedback.Clients.officer;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class StaffIntakeTest {

    @Test
    void anOfficerRecordsAHotlineCallWithTheCaller() {
        String code = officer("VP").contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE", "content", "Ông gọi phản ánh tiếng ồn quán karaoke sau 22 giờ",
                        "category", "MOI_TRUONG", "callerName", "Trần Thị Bình", "callerPhone", "0225 3836 123"))
                .when().post("/api/v1/staff/feedback")
                .then().statusCode(201).body("status", equalTo("ASSIGNED")).extract().path("trackingCode");
        Feedback f = Clients.byCode(code);
        assertEquals("HOTLINE", f.channel.name());
        assertEquals("+842253836123", f.citizenPhone);
        assertEquals("Trần Thị Bình", f.citizenName);
        assertEquals("officer-VP@phu-lien", f.recordedBy);
    }

    @Test
    void staffEntryIsForStaffChannelsAndNeedsAToken() {
        long before = feedbackRows();
        officer("VP").contentType(ContentType.JSON).body(Map.of("channel", "ZALO", "content", "x"))
                .when().post("/api/v1/staff/feedback").then().statusCode(400)
                .body("violations.field", hasItem("channel"));
        officer("VP").contentType(ContentType.JSON).body(Map.of("channel", "BY_PIGEON", "content", "x"))
                .when().post("/api/v1/staff/feedback").then().statusCode(400)
                .body("violations.field", hasItem("channel"));
        io.restassured.RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE", "content", "x"))
                .when().post("/api/v1/staff/feedback").then().statusCode(401)
                .contentType("application/problem+json");
        Clients.staff("reviewer", "VHXH", "phu-lien").contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE", "content", "x"))
                .when().post("/api/v1/staff/feedback").then().statusCode(403);
        assertEquals(before, feedbackRows());
    }

    /** Tết 2026: the break runs 14–22 February, so 5 working days from Tuesday 10 February end on the 24th. */
    @Test
    void aSuggestionBoxBatchIsDueInWorkingDaysAcrossTet() {
        var receipts = officer("VP").contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("channel", "SUGGESTION_BOX", "collectionDate", "2026-02-10",
                        "source", "Hòm thư góp ý thôn Đông",
                        "items", List.of(
                                Map.of("content", "Đề nghị nạo vét mương thoát nước thôn Đông", "category", "MOI_TRUONG"),
                                Map.of("content", "Cán bộ một cửa hướng dẫn tận tình", "category", "THAI_DO"),
                                Map.of("content", "Đề nghị hỗ trợ hộ nghèo sửa nhà", "category", "AN_SINH"))))
                .when().post("/api/v1/staff/feedback-batches")
                .then().statusCode(201).body("count", equalTo(3)).body("items", hasSize(3))
                .extract().jsonPath();
        assertEquals("2026-02-24", receipts.getString("items[0].dueDate"));
        // 3 working days: 11, 12, 13 February, then the break
        assertEquals("2026-02-13", receipts.getString("items[1].dueDate"));
        // 10 working days: 11, 12, 13, 23…27 February, 2, 3 March
        assertEquals("2026-03-03", receipts.getString("items[2].dueDate"));
        Feedback f = Clients.byCode(receipts.getString("items[0].trackingCode"));
        assertEquals(LocalDate.of(2026, 2, 10), f.collectionDate);
        assertEquals("Hòm thư góp ý thôn Đông", f.collectionSource);
        assertEquals("SUGGESTION_BOX", f.channel.name());
    }

    @Test
    void oneBadItemRefusesTheWholeBatchAndNamesIt() {
        long before = feedbackRows();
        officer("VP").contentType(ContentType.JSON)
                .body(Map.of("channel", "FATHERLAND_FRONT", "collectionDate", "2026-11-20",
                        "source", "Ủy ban MTTQ phường",
                        "items", List.of(Map.of("content", "Ý kiến hợp lệ", "category", "KHAC"),
                                Map.of("content", "Số điện thoại sai", "phone", "0123"))))
                .when().post("/api/v1/staff/feedback-batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("items[1].phone")));
        officer("VP").contentType(ContentType.JSON)
                .body(Map.of("channel", "FATHERLAND_FRONT", "collectionDate", "2099-01-01", "source", "MTTQ",
                        "items", List.of(Map.of("content", "Ý kiến"))))
                .when().post("/api/v1/staff/feedback-batches")
                .then().statusCode(400).body("violations.field", hasItem("collectionDate"));
        officer("VP").contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE", "collectionDate", "2026-11-20", "source", "MTTQ",
                        "items", List.of(Map.of("content", "Ý kiến"))))
                .when().post("/api/v1/staff/feedback-batches")
                .then().statusCode(400).body("violations.field", hasItem("channel"));
        officer("VP").contentType(ContentType.JSON)
                .body(Map.of("channel", "FATHERLAND_FRONT", "collectionDate", "2026-11-20", "source", "MTTQ",
                        "items", List.of()))
                .when().post("/api/v1/staff/feedback-batches")
                .then().statusCode(400).body("violations.field", hasItem("items"));
        assertEquals(before, feedbackRows());
    }
}
