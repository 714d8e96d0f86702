package vn.friendlygov.feedback.service;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.citizen;
import static vn.friendlygov.feedback.Clients.leader;
import static vn.friendlygov.feedback.Clients.officer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class LifecycleTest {

    static String submit(String category, String content) {
        return citizen().contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", content, "category", category))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
    }

    static String id(String code) {
        return Clients.byCode(code).id.toString();
    }

    @Test
    void receivedAssignedStartedAnsweredRatedReopenedAndClosed() {
        String code = submit("HANH_CHINH", "Hồ sơ cấp đổi sổ đỏ nộp 3 tuần chưa có kết quả " + UUID.randomUUID());
        String id = id(code);
        String base = "/api/v1/staff/feedback/" + id;

        String etag = officer("TTPVHCC").when().get(base).then().statusCode(200)
                .body("summary.status", equalTo("ASSIGNED")).extract().header("ETag");
        officer("TTPVHCC").header("If-Match", etag).when().post(base + "/start").then().statusCode(200)
                .body("summary.status", equalTo("IN_PROGRESS"));
        // a stale ETag: someone else changed the case in between
        officer("TTPVHCC").header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("answer", "x")).when().post(base + "/answer").then().statusCode(412)
                .contentType("application/problem+json");
        // closing before answering is not a step of the lifecycle
        officer("TTPVHCC").when().post(base + "/close").then().statusCode(409)
                .body("type", equalTo("https://friendlygov.vn/problems/illegal-transition"));
        officer("TTPVHCC").contentType(ContentType.JSON)
                .body(Map.of("answer", "Hồ sơ đã được giải quyết, mời ông/bà đến nhận kết quả <b>ngày 28/11</b>."))
                .when().post(base + "/answer").then().statusCode(200)
                .body("summary.status", equalTo("ANSWERED"))
                .body("answeredOnTime", equalTo(true));

        citizen().when().get("/api/v1/feedback/track/" + code).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer", equalTo("Hồ sơ đã được giải quyết, mời ông/bà đến nhận kết quả ngày 28/11."))
                .body("reopenUntil", notNullValue());

        citizen().contentType(ContentType.JSON).body(Map.of("rating", 6))
                .when().post("/api/v1/feedback/track/" + code + "/rating").then().statusCode(400)
                .body("violations.field", hasItem("rating"));
        citizen().contentType(ContentType.JSON).body(Map.of("rating", 2, "comment", "Chậm quá"))
                .when().post("/api/v1/feedback/track/" + code + "/rating").then().statusCode(200)
                .body("rating", equalTo(2));
        citizen().contentType(ContentType.JSON).body(Map.of("rating", 5))
                .when().post("/api/v1/feedback/track/" + code + "/rating").then().statusCode(409);

        citizen().contentType(ContentType.JSON).body(Map.of("reason", "Đến nhận nhưng chưa có kết quả"))
                .when().post("/api/v1/feedback/track/" + code + "/reopen").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("reopenUntil", nullValue());
        Feedback reopened = Clients.byCode(code);
        assertEquals(1, reopened.reopenCount);
        assertTrue(reopened.answeredAt == null);

        officer("TTPVHCC").contentType(ContentType.JSON).body(Map.of("answer", "Đã trả kết quả ngày 28/11."))
                .when().post(base + "/answer").then().statusCode(200);
        // the new answer is rated anew; the first rating is kept
        citizen().contentType(ContentType.JSON).body(Map.of("rating", 4, "comment", "Đã nhận"))
                .when().post("/api/v1/feedback/track/" + code + "/rating").then().statusCode(200)
                .body("rating", equalTo(4));
        citizen().contentType(ContentType.JSON).body(Map.of("rating", 5))
                .when().post("/api/v1/feedback/track/" + code + "/rating").then().statusCode(409);
        officer("TTPVHCC").when().post(base + "/close").then().statusCode(200)
                .body("summary.status", equalTo("CLOSED"))
                .body("history.action", equalTo(List.of("RECEIVE", "START", "ANSWER", "RATE", "REOPEN", "ANSWER",
                        "RATE", "CLOSE")))
                .body("messages[0].kind", equalTo("REOPEN"))
                .body("rating", equalTo(4))
                .body("ratings.answerRound", equalTo(List.of(0, 1)))
                .body("ratings.rating", equalTo(List.of(2, 4)))
                .body("ratings.comment", equalTo(java.util.Arrays.asList("Chậm quá", "Đã nhận")));

        List<ConsumerRecord<String, String>> events = Clients.eventsOf(id, 8);
        assertEquals(List.of("received", "assigned", "answered", "rated", "reopened", "answered", "rated", "closed"),
                events.stream().map(r -> Clients.header(r, "ce_type")
                        .replace("vn.friendlygov.feedback.feedback.", "").replace(".v1", "")).toList());
        assertTrue(events.get(2).value().contains("\"answeredOnTime\":true"), events.get(2).value());
        assertTrue(events.get(3).value().contains("\"rating\":2"), events.get(3).value());
        assertFalse(events.get(3).value().contains("Chậm"), "the rating comment stays out of events");
    }

    @Test
    void officersActOnlyForTheirUnitAndStaffOnlyForTheirWard() {
        String code = submit("DAT_DAI", "Lấn chiếm đất công tại thôn Bắc " + UUID.randomUUID());
        String base = "/api/v1/staff/feedback/" + id(code);
        officer("VHXH").when().get(base).then().statusCode(403).contentType("application/problem+json");
        Clients.staff("officer", "KT", "an-lu").when().get(base).then().statusCode(404);
        Clients.staff("leader", "VP", "an-lu").when().post(base + "/start").then().statusCode(404);
        Clients.staff("reviewer", "VHXH", "phu-lien").when().get(base).then().statusCode(200);
        Clients.staff("reviewer", "VHXH", "phu-lien").when().post(base + "/start").then().statusCode(403);
        officer("KT").when().get(base).then().statusCode(200);

        // the leader reassigns to another unit; then only that unit's officers may act
        leader().contentType(ContentType.JSON).body(Map.of("unit", "VP", "note", "Chuyển Văn phòng xử lý"))
                .when().post(base + "/assign").then().statusCode(200).body("summary.unit", equalTo("VP"));
        officer("KT").when().post(base + "/start").then().statusCode(403);
        officer("VP").when().post(base + "/start").then().statusCode(200);
        leader().contentType(ContentType.JSON).body(Map.of("unit", "NO_SUCH_UNIT"))
                .when().post(base + "/assign").then().statusCode(400).body("violations.field", hasItem("unit"));

        // lists: an officer sees the own unit only, whatever is asked
        officer("KT").queryParam("unit", "VP").when().get("/api/v1/staff/feedback").then().statusCode(200)
                .body("unit.unique()", org.hamcrest.Matchers.everyItem(equalTo("KT")));
        Clients.staff("officer", "KT", "an-lu").queryParam("ward", "phu-lien")
                .when().get("/api/v1/staff/feedback").then().statusCode(403);
    }

    @Test
    void rejectNeedsAReasonAndDuplicateLinksTheOriginal() {
        String original = submit("MOI_TRUONG", "Bãi rác tự phát cạnh cầu Trắng " + UUID.randomUUID());
        String again = submit("MOI_TRUONG", "Bãi rác tự phát cạnh cầu Trắng lần nữa " + UUID.randomUUID());
        String other = submit("MOI_TRUONG", "Quảng cáo " + UUID.randomUUID());
        officer("KT").contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/v1/staff/feedback/" + id(other) + "/reject").then().statusCode(400);
        officer("KT").contentType(ContentType.JSON).body(Map.of("reason", "Nội dung quảng cáo, không phải phản ánh"))
                .when().post("/api/v1/staff/feedback/" + id(other) + "/reject").then().statusCode(200)
                .body("summary.status", equalTo("REJECTED"));
        citizen().when().get("/api/v1/feedback/track/" + other).then().body("status", equalTo("REJECTED"));
        List<ConsumerRecord<String, String>> rejected = Clients.eventsOf(id(other), 3);
        assertEquals("vn.friendlygov.feedback.feedback.rejected.v1", Clients.header(rejected.get(2), "ce_type"));
        assertTrue(rejected.get(2).value().contains("\"status\":\"REJECTED\""), rejected.get(2).value());
        assertTrue(rejected.get(2).value().contains("\"actor\""), rejected.get(2).value());

        officer("KT").contentType(ContentType.JSON).body(Map.of("duplicateOf", id(original)))
                .when().post("/api/v1/staff/feedback/" + id(again) + "/duplicate").then().statusCode(200)
                .body("summary.status", equalTo("DUPLICATE")).body("duplicateOf", equalTo(original));
        officer("KT").contentType(ContentType.JSON).body(Map.of("duplicateOf", "not-a-uuid"))
                .when().post("/api/v1/staff/feedback/" + id(original) + "/duplicate").then().statusCode(400);
    }

    @Test
    void aLikelyDuplicateIsSuggestedToStaff() {
        String phone = "09" + (10000000 + (int) (Math.random() * 89999999));
        String first = citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien",
                "content", "Cống thoát nước bị tắc " + UUID.randomUUID(), "category", "MOI_TRUONG", "phone", phone))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
        // same person and category, another channel and another way of writing the number
        String second = officer("VP").contentType(ContentType.JSON).body(Map.of("channel", "HOTLINE",
                "content", "Gọi lại về việc khác hẳn " + UUID.randomUUID(), "category", "MOI_TRUONG",
                "callerPhone", "+84" + phone.substring(1)))
                .when().post("/api/v1/staff/feedback").then().statusCode(201).extract().path("trackingCode");
        awaitChecked(second);
        officer("KT").when().get("/api/v1/staff/feedback/" + id(second)).then()
                .body("summary.suggestedDuplicate", equalTo(first));

        // near-identical text, with and without diacritics, a few metres away
        String text = "Cây xà cừ trước nhà văn hóa tổ 7 bị nghiêng sắp đổ nguy hiểm cho người qua lại";
        String a = citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "content", text,
                "latitude", 20.8601, "longitude", 106.6801)).when().post("/api/v1/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String b = citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien",
                "content", "Cay xa cu truoc nha van hoa to 7 bi nghieng sap do, nguy hiem cho nguoi qua lai!",
                "latitude", 20.8602, "longitude", 106.6802)).when().post("/api/v1/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        String far = citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "content", text,
                "latitude", 20.90, "longitude", 106.70)).when().post("/api/v1/feedback")
                .then().statusCode(201).extract().path("trackingCode");
        awaitChecked(b);
        awaitChecked(far);
        leader().when().get("/api/v1/staff/feedback/" + id(b)).then().body("summary.suggestedDuplicate", equalTo(a));
        leader().when().get("/api/v1/staff/feedback/" + id(far)).then()
                .body("summary.suggestedDuplicate", nullValue());
    }

    /** The suggestion is computed by the background sweep shortly after intake. */
    static void awaitChecked(String code) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Clients.duplicateChecked(code));
    }

    @jakarta.inject.Inject
    OverdueDetector overdue;

    @Test
    void overdueCasesAreAnnouncedOnceAndOnlyOnWorkingDays() {
        String code = submit("THAI_DO", "Cán bộ trả lời cộc lốc " + UUID.randomUUID());
        String id = id(code);
        // the case was due before Tết: move its due date as if it had been received then
        QuarkusTransaction.requiringNew().run(() -> {
            Feedback f = Feedback.findById(UUID.fromString(id));
            f.dueDate = LocalDate.of(2026, 2, 13);
            f.receivedAt = OffsetDateTime.of(2026, 2, 10, 2, 0, 0, 0, ZoneOffset.UTC);
        });
        assertEquals(0, overdue.detect(LocalDate.of(2026, 2, 17)), "a Tết holiday is no working day");
        assertEquals(0, overdue.detect(LocalDate.of(2026, 2, 21)), "nor is a Saturday");
        assertTrue(overdue.detect(LocalDate.of(2026, 2, 23)) >= 1);
        assertEquals(0, overdue.detect(LocalDate.of(2026, 2, 24)), "announced once");

        List<ConsumerRecord<String, String>> events = Clients.eventsOf(id, 3);
        ConsumerRecord<String, String> e = events.get(2);
        assertEquals("vn.friendlygov.feedback.feedback.overdue.v1", Clients.header(e, "ce_type"));
        assertTrue(e.value().contains("\"dueDate\":\"2026-02-13\""), e.value());

        // answering late is recorded as not on time
        officer("VP").contentType(ContentType.JSON).body(Map.of("answer", "Xin lỗi ông/bà, đã chấn chỉnh."))
                .when().post("/api/v1/staff/feedback/" + id + "/answer").then().statusCode(200)
                .body("answeredOnTime", equalTo(false));
    }

    @jakarta.inject.Inject
    AutoCloser autoCloser;

    @Test
    void anAnsweredCaseClosesItselfOnceTheReopenWindowHasPassed() {
        String old = submit("MOI_TRUONG", "Rác ở chợ chưa được dọn " + UUID.randomUUID());
        String fresh = submit("MOI_TRUONG", "Rác ở bến xe chưa được dọn " + UUID.randomUUID());
        for (String code : List.of(old, fresh)) {
            officer("KT").contentType(ContentType.JSON).body(Map.of("answer", "Đã dọn xong."))
                    .when().post("/api/v1/staff/feedback/" + id(code) + "/answer").then().statusCode(200);
        }
        LocalDate today = LocalDate.now(vn.friendlygov.common.calendar.HolidayCalendar.ZONE);
        // answered 15 days ago: today is still the last day to reopen; 16 days ago: the window has passed
        setAnsweredAt(old, today.minusDays(15));
        autoCloser.close(today);
        assertEquals("ANSWERED", Clients.byCode(old).status.name(), "still inside the reopen window");
        setAnsweredAt(old, today.minusDays(16));
        assertTrue(autoCloser.close(today) >= 1);
        assertEquals("CLOSED", Clients.byCode(old).status.name());
        assertEquals("ANSWERED", Clients.byCode(fresh).status.name());
        citizen().contentType(ContentType.JSON).body(Map.of("reason", "Chưa dọn"))
                .when().post("/api/v1/feedback/track/" + old + "/reopen").then().statusCode(409);
        List<ConsumerRecord<String, String>> events = Clients.eventsOf(id(old), 4);
        assertEquals("vn.friendlygov.feedback.feedback.closed.v1", Clients.header(events.get(3), "ce_type"));
        assertTrue(events.get(3).value().contains("\"status\":\"CLOSED\""), events.get(3).value());
        // a second run (another replica, the next hour) changes nothing: history and events are written together
        autoCloser.close(today);
        officer("KT").when().get("/api/v1/staff/feedback/" + id(old)).then().statusCode(200)
                .body("history.action", equalTo(List.of("RECEIVE", "ANSWER", "AUTO_CLOSE")))
                .body("history[2].actor", equalTo("system:auto-close"));
    }

    private static void setAnsweredAt(String code, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feedback f = Feedback.byTrackingCode(code).orElseThrow();
            f.answeredAt = day.atTime(10, 0).atZone(vn.friendlygov.common.calendar.HolidayCalendar.ZONE)
                    .toOffsetDateTime();
        });
    }
}
