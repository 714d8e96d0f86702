package vn.friendlygov.notification.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.reminder.Reminder;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class FeedbackAndDigestTest {

    @Inject
    TestClock clock;
    @Inject
    ReminderDispatcher dispatcher;
    @Inject
    SchedulePlanner schedules;
    @Inject
    DeliveryService deliveries;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String feedback(String type, String id, String ward, String unit, String status, String due) {
        return TestEvents.publish(TestEvents.FEEDBACK, id, TestEvents.FEEDBACK_TYPE + type + ".v1", ward,
                "{\"feedbackId\":\"" + id + "\",\"trackingCode\":\"PL-" + id.substring(0, 6) + "\",\"ward\":\"" + ward
                        + "\",\"channel\":\"ZALO\",\"category\":\"Trật tự đô thị\",\"unit\":\"" + unit
                        + "\",\"status\":\"" + status + "\",\"dueDate\":\"" + due + "\"}");
    }

    @Test
    void aFeedbackCaseIsRemindedUntilAnsweredAndTheAnswerCancelsWhatIsPending() {
        clock.set("2026-03-02T00:00:00Z");
        String ward = TestEvents.uniqueWard();
        String id = UUID.randomUUID().toString();
        feedback("assigned", id, ward, "KT", "ASSIGNED", "2026-03-13");
        awaitTrue(() -> Reminder.count("subjectId = ?1 and status = 'PENDING'", id) > 0);
        given().auth().oauth2(TestTokens.token("officer", "KT", ward)).when().get("/api/v1/inbox").then()
                .body("items[0].title", equalTo("Phản ánh mới giao cho đơn vị: PL-" + id.substring(0, 6)
                        + " — Trật tự đô thị"));
        // 30 days ahead is before the case was even received: only 7 and 1 days before, the day and after
        assertTrue(tx(() -> Reminder.count("subjectId = ?1 and key like '%BEFORE_DUE:2026-03-06'", id)) == 1);
        feedback("answered", id, ward, "KT", "ANSWERED", "2026-03-13");
        awaitTrue(() -> Reminder.count("subjectId = ?1 and status = 'PENDING'", id) == 0);
        assertEquals("feedback ANSWERED", tx(() -> Reminder.<Reminder>find("subjectId", id).firstResult().cancelReason));
    }

    @Test
    void theWeeklyDigestGoesOutOnMondayMorningWithWhatIsDueAndOverdue() throws Exception {
        clock.set("2026-03-07T00:00:00Z"); // Saturday
        String ward = TestEvents.uniqueWard();
        String address = "kinh-te-" + ward + "@example.vn";
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("application/json")
                .body(Map.of("unit", "KT", "role", "OFFICER", "name", "Đỗ Minh Quân", "email", address,
                        "channels", List.of("EMAIL")))
                .when().post("/api/v1/recipients").then().statusCode(201);
        TestEvents.task("created", ward + "-soon", ward, "KT", "Rà soát hộ kinh doanh", "2026-03-11", null, "TODO", 1);
        TestEvents.task("created", ward + "-late", ward, "KT", "Báo cáo quý I về đất đai", "2026-03-05", null, "TODO", 1);
        TestEvents.task("created", ward + "-far", ward, "KT", "Kiểm kê cuối năm", "2026-12-20", null, "TODO", 1);
        TestEvents.task("created", ward + "-done", ward, "KT", "Việc đã duyệt", "2026-03-10", null, "APPROVED", 1);
        awaitTrue(() -> tx(() -> vn.friendlygov.notification.readmodel.TaskView.count("ward", ward)) == 4);

        schedules.planAhead();
        String digestKey = "DIGEST:" + ward + ":KT:2026-03-09";
        Reminder digest = tx(() -> Reminder.find("key", digestKey).firstResult());
        assertEquals(java.time.OffsetDateTime.parse("2026-03-09T01:00:00Z").toInstant(), digest.fireAt.toInstant());
        schedules.planAhead(); // idempotent
        assertEquals(1L, tx(() -> Reminder.count("key", digestKey)));
        // the ward's duties of the next two weeks are planned with it
        assertEquals(1L, tx(() -> Reminder.count("key", "DUTY:" + ward + ":VILLAGE_VISIT:2026-03-09")));
        assertEquals(1L, tx(() -> Reminder.count("key", "DUTY:" + ward + ":FRONT_COLLECTION:2026-03-16")));

        clock.set("2026-03-09T01:00:00Z");
        while (dispatcher.dispatchDue() > 0) {
            // all due reminders
        }
        String title = "Tổng hợp tuần 09/03/2026 — KT: 1 việc đến hạn, 1 việc quá hạn";
        assertEquals(1L, tx(() -> InboxNotification.count("ward = ?1 and unit = 'KT' and title = ?2", ward, title)));
        InboxNotification n = tx(() -> InboxNotification.find("ward = ?1 and title = ?2", ward, title).firstResult());
        assertEquals("- [Quá hạn] Nhiệm vụ: Báo cáo quý I về đất đai — hạn 05/03/2026\n"
                + "- [Đến hạn] Nhiệm vụ: Rà soát hộ kinh doanh — hạn 11/03/2026\n", n.body);
        while (deliveries.deliverDue() > 0) {
            // all due messages
        }
        MimeMessage mail = org.awaitility.Awaitility.await().until(() -> java.util.Arrays.stream(
                vn.friendlygov.notification.ProvidersTestResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address) && title.equals(m.getSubject());
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElse(null), m -> m != null);
        assertTrue(jakarta.mail.internet.MimeUtility.decodeText(mail.getHeader("Subject")[0]).equals(title));
    }

    @Test
    void aYearOfTheWardsRecurringDutiesIsPlannedFromThePlanAndTheHolidayCalendar() {
        clock.set("2026-03-07T00:00:00Z");
        String ward = TestEvents.uniqueWard();
        String leader = TestTokens.token("leader", "VP", ward);
        // 43 Mondays left (village visit and Front collection each), 9 monthly receptions (April–December),
        // greetings before Giỗ Tổ, 30/4–1/5 and Quốc khánh
        given().auth().oauth2(leader).queryParam("year", 2026).when()
                .post("/api/v1/reminder-policies/" + ward + "/duties").then().statusCode(200)
                .body("reminders", equalTo(43 + 43 + 9 + 3));
        // May 1st is a holiday and 2–3 May a weekend: the reception is reminded on Monday 4 May
        given().auth().oauth2(leader).queryParam("subjectId", ward + ":CITIZEN_RECEPTION:2026-05-04")
                .when().get("/api/v1/reminders").then().statusCode(200)
                .body("[0].title", equalTo("Tiếp công dân định kỳ tháng 05/2026 (ít nhất 01 lần/tháng)"))
                .body("[0].audience", equalTo("LEADER"));
        // 3 days before 1/9 is a Saturday: the greeting is prepared on Friday 28 August
        given().auth().oauth2(leader).queryParam("subjectId", ward + ":GREETING_quoc-khanh:2026-08-28")
                .when().get("/api/v1/reminders").then()
                .body("[0].title", equalTo("Chuẩn bị thư chúc mừng Nhân dân nhân dịp Quốc khánh 2/9"));
        given().auth().oauth2(leader).queryParam("year", 2026).when()
                .post("/api/v1/reminder-policies/" + ward + "/duties").then().statusCode(200);
        assertEquals(98L, tx(() -> Reminder.count("ward = ?1 and subjectKind = 'DUTY'", ward)));
        given().auth().oauth2(TestTokens.token("officer", "VP", ward)).queryParam("year", 2026).when()
                .post("/api/v1/reminder-policies/" + ward + "/duties").then().statusCode(403);
    }

    @Test
    void theWeeklyCollectionThroughTheFrontGoesToTheUnitTheWardsPolicyNames() {
        clock.set("2026-03-07T00:00:00Z");
        String ward = TestEvents.uniqueWard();
        String leader = TestTokens.token("leader", "VP", ward);
        given().auth().oauth2(leader).when().get("/api/v1/reminder-policies/" + ward).then()
                .body("frontCollectionUnit", equalTo("TTPVHCC"));
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("daysBefore", List.of(7, 1), "sendHour", 8,
                "onDueDay", true, "overdueDailyDays", 0, "escalateHeadAfterDays", 3, "escalateLeaderAfterDays", 7,
                "leaderUnit", "VP", "reviewerUnit", "VHXH", "digestEnabled", true, "greetingDaysBefore", 3));
        policy.put("frontCollectionUnit", "mặt trận");
        given().auth().oauth2(leader).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(400)
                .body("violations[0].field", equalTo("frontCollectionUnit"));
        policy.put("frontCollectionUnit", "MTTQ");
        given().auth().oauth2(leader).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(200)
                .body("frontCollectionUnit", equalTo("MTTQ"));
        given().auth().oauth2(leader).queryParam("year", 2026).when()
                .post("/api/v1/reminder-policies/" + ward + "/duties").then().statusCode(200);
        Reminder front = tx(() -> Reminder.find("key", "DUTY:" + ward + ":FRONT_COLLECTION:2026-03-09").firstResult());
        assertEquals("MTTQ", front.unit);
        assertEquals("UNIT", front.audience);
    }
}
