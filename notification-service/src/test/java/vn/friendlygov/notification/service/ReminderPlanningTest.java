package vn.friendlygov.notification.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.reminder.Reminder;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class ReminderPlanningTest {

    @Inject
    TestClock clock;
    @Inject
    ReminderDispatcher dispatcher;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Map<String, String> statusByKey(String taskId) {
        return tx(() -> Reminder.<Reminder>list("subjectId", taskId).stream()
                .collect(Collectors.toMap(r -> r.key, r -> r.status)));
    }

    static long pendingOf(String taskId) {
        return tx(() -> Reminder.count("subjectId = ?1 and status = 'PENDING'", taskId));
    }

    void dispatchAll() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing due is left
        }
    }

    static String recipient(String ward, String unit, String role, String email) {
        return given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("application/json")
                .body(Map.of("unit", unit, "role", role, "name", "Cán bộ " + unit, "email", email,
                        "channels", List.of("EMAIL")))
                .when().post("/api/v1/recipients").then().statusCode(201).extract().path("id");
    }

    @Test
    void eachReminderFiresAtItsTimeSkippingDaysOffThenEscalatesAndApprovalCancelsTheRest() {
        String ward = TestEvents.uniqueWard();
        String taskId = UUID.randomUUID().toString();
        String officer = recipient(ward, "KT", "OFFICER", "kt-" + ward + "@example.vn");
        String head = recipient(ward, "KT", "HEAD", "truong-kt-" + ward + "@example.vn");
        String leader = recipient(ward, "VP", "LEADER", "chu-tich-" + ward + "@example.vn");
        clock.set("2026-03-02T00:00:00Z");
        TestEvents.task("created", taskId, ward, "KT", "Công khai quy chế thực hiện dân chủ ở cơ sở", "2026-04-24",
                "ONCE", "TODO", 1);

        // 30, 7, 1 days before; the day; overdue on working days only (26-27/4, 30/4-3/5 are days off);
        // the head after 3 days (27/4 is Giỗ Tổ → 28/4), the leader after 7 (1/5 is a holiday → 4/5)
        awaitTrue(() -> Reminder.count("subjectId", taskId) == 13);
        String p = "TASK:" + taskId + ":2026-04-24:";
        List<String> expected = List.of(p + "BEFORE_DUE:2026-03-25", p + "BEFORE_DUE:2026-04-17",
                p + "BEFORE_DUE:2026-04-23", p + "DUE_TODAY:2026-04-24", p + "OVERDUE:2026-04-28",
                p + "OVERDUE:2026-04-29", p + "OVERDUE:2026-05-04", p + "OVERDUE:2026-05-05", p + "OVERDUE:2026-05-06",
                p + "OVERDUE:2026-05-07", p + "OVERDUE:2026-05-08", p + "ESCALATE_HEAD:2026-04-28",
                p + "ESCALATE_LEADER:2026-05-04");
        assertEquals(expected.stream().sorted().toList(), statusByKey(taskId).keySet().stream().sorted().toList());
        given().auth().oauth2(TestTokens.token("officer", "KT", ward)).queryParam("subjectId", taskId)
                .when().get("/api/v1/reminders").then().statusCode(200)
                .body("find { it.key == '" + p + "BEFORE_DUE:2026-04-23' }.fireAt", org.hamcrest.Matchers
                        .anyOf(org.hamcrest.Matchers.equalTo("2026-04-23T01:00:00Z"),
                                org.hamcrest.Matchers.equalTo("2026-04-23T01:00Z")))
                .body("find { it.key == '" + p + "BEFORE_DUE:2026-04-23' }.title",
                        org.hamcrest.Matchers.equalTo("Còn 1 ngày đến hạn: nhiệm vụ “Công khai quy chế thực hiện dân chủ ở cơ sở”"));

        // one second before 08:00 local on 23/4 the one-day reminder is not yet sent
        clock.set("2026-04-23T00:59:59Z");
        dispatchAll();
        assertEquals("SENT", statusByKey(taskId).get(p + "BEFORE_DUE:2026-04-17"));
        assertEquals("PENDING", statusByKey(taskId).get(p + "BEFORE_DUE:2026-04-23"));
        clock.set("2026-04-23T01:00:00Z");
        dispatchAll();
        assertEquals("SENT", statusByKey(taskId).get(p + "BEFORE_DUE:2026-04-23"));
        assertEquals(1, tx(() -> InboxNotification.count("ward = ?1 and unit = 'KT' and title = ?2", ward,
                "Còn 1 ngày đến hạn: nhiệm vụ “Công khai quy chế thực hiện dân chủ ở cơ sở”")));
        assertEquals(3, messagesTo(officer), "one e-mail per reminder so far (30, 7, 1 days)");

        clock.set("2026-04-28T01:00:00Z");
        dispatchAll();
        assertEquals("SENT", statusByKey(taskId).get(p + "ESCALATE_HEAD:2026-04-28"));
        assertEquals("PENDING", statusByKey(taskId).get(p + "ESCALATE_LEADER:2026-05-04"));
        assertEquals(1, messagesTo(head));
        assertEquals(0, messagesTo(leader));

        clock.set("2026-05-04T01:00:00Z");
        dispatchAll();
        assertEquals(1, messagesTo(leader));
        assertEquals(1, tx(() -> InboxNotification.count("ward = ?1 and unit = 'VP' and title like ?2", ward,
                "Báo cáo lãnh đạo UBND, quá hạn từ 24/04/2026: %")));

        TestEvents.task("status-changed", taskId, ward, "KT", "Công khai quy chế thực hiện dân chủ ở cơ sở",
                "2026-04-24", "ONCE", "APPROVED", 2);
        awaitTrue(() -> pendingOf(taskId) == 0);
        Map<String, String> end = statusByKey(taskId);
        assertEquals("CANCELLED", end.get(p + "OVERDUE:2026-05-08"));
        assertEquals("SENT", end.get(p + "OVERDUE:2026-05-04"));
        clock.set("2026-05-08T01:00:00Z");
        dispatchAll();
        assertEquals("CANCELLED", statusByKey(taskId).get(p + "OVERDUE:2026-05-08"));
    }

    static long messagesTo(String recipientId) {
        return tx(() -> OutgoingMessage.count("recipientId", UUID.fromString(recipientId)));
    }

    @Test
    void aChangedDueDateCancelsWhatWasPendingAndPlansAnewAndRecurrenceSkipsLongLeads() {
        String ward = TestEvents.uniqueWard();
        String taskId = UUID.randomUUID().toString();
        clock.set("2026-03-02T00:00:00Z");
        TestEvents.task("created", taskId, ward, "VHXH", "Thăm hỏi gia đình chính sách", "2026-04-24", null, "TODO", 1);
        awaitTrue(() -> Reminder.count("subjectId", taskId) == 13);
        TestEvents.task("updated", taskId, ward, "VHXH", "Thăm hỏi gia đình chính sách", "2026-06-10", null, "TODO", 2);
        awaitTrue(() -> Reminder.count("subjectId = ?1 and key like ?2 and status = 'PENDING'", taskId,
                "%:2026-06-10:%") > 0);
        Map<String, String> all = statusByKey(taskId);
        assertTrue(all.entrySet().stream().filter(e -> e.getKey().contains(":2026-04-24:"))
                .allMatch(e -> e.getValue().equals("CANCELLED")), all.toString());
        assertTrue(all.containsKey("TASK:" + taskId + ":2026-06-10:BEFORE_DUE:2026-05-11"));
        String reason = tx(() -> Reminder.<Reminder>find("subjectId = ?1 and status = 'CANCELLED'", taskId)
                .firstResult().cancelReason);
        assertEquals("due date changed to 2026-06-10", reason);

        // a weekly duty is reminded one day ahead only: 30 or 7 days ahead would precede the previous occurrence
        String weekly = UUID.randomUUID().toString();
        TestEvents.task("created", weekly, ward, "VP", "Lãnh đạo xuống cơ sở thôn", "2026-03-13", "WEEKLY", "TODO", 1);
        awaitTrue(() -> Reminder.count("subjectId = ?1 and kind = 'DUE_TODAY'", weekly) == 1);
        assertEquals(List.of("TASK:" + weekly + ":2026-03-13:BEFORE_DUE:2026-03-12"),
                tx(() -> Reminder.<Reminder>list("subjectId = ?1 and kind = 'BEFORE_DUE'", weekly).stream()
                        .map(r -> r.key).toList()));
    }

    @Test
    void twoSchedulersRunningAtOnceSendEachReminderExactlyOnce() throws Exception {
        String ward = TestEvents.uniqueWard();
        String officer = recipient(ward, "TTPVHCC", "OFFICER", "mot-cua-" + ward + "@example.vn");
        clock.set("2026-03-02T00:00:00Z");
        int tasks = 40;
        for (int i = 0; i < tasks; i++) {
            TestEvents.task("created", ward + "-t" + i, ward, "TTPVHCC", "Niêm yết thủ tục hành chính số " + i,
                    "2026-04-24", null, "TODO", 1);
        }
        awaitTrue(() -> Reminder.count("ward = ?1 and subjectKind = 'TASK'", ward) == 13L * tasks);
        clock.set("2026-04-23T01:00:00Z"); // the three reminders before the due date of every task are due

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Integer> scheduler = () -> {
                start.await();
                int taken = 0;
                for (int n = dispatcher.dispatchDue(); n > 0; n = dispatcher.dispatchDue()) {
                    taken += n;
                }
                return taken;
            };
            var a = pool.submit(scheduler);
            var b = pool.submit(scheduler);
            start.countDown();
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        long sent = tx(() -> Reminder.count("ward = ?1 and status = 'SENT'", ward));
        assertEquals(3L * tasks, sent);
        assertEquals(3L * tasks, tx(() -> InboxNotification.count("ward = ?1 and unit = 'TTPVHCC' and kind like 'REMINDER_%'", ward)));
        assertEquals(3L * tasks, messagesTo(officer), "one e-mail per reminder, none twice");
        assertEquals(3L * tasks, tx(() -> OutgoingMessage.find("recipientId", UUID.fromString(officer)).stream()
                .map(m -> ((OutgoingMessage) m).sourceKey).distinct().count()));
    }

    @Test
    void dailyWhileOverdueHasNoEndSoDayTwentyStillGetsItsReminderAndTheEscalationDueThen() {
        String ward = TestEvents.uniqueWard();
        String taskId = UUID.randomUUID().toString();
        String officer = recipient(ward, "KT", "OFFICER", "kt-" + ward + "@example.vn");
        String leader = recipient(ward, "VP", "LEADER", "chu-tich-" + ward + "@example.vn");
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("application/json")
                .body(Map.of("daysBefore", List.of(1), "sendHour", 8, "onDueDay", true, "overdueDailyDays", 0,
                        "escalateHeadAfterDays", 3, "escalateLeaderAfterDays", 20, "leaderUnit", "VP",
                        "reviewerUnit", "VHXH", "digestEnabled", false, "greetingDaysBefore", 3))
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(200);
        clock.set("2026-06-01T00:00:00Z");
        TestEvents.task("created", taskId, ward, "KT", "Cập nhật cơ sở dữ liệu hộ tịch", "2026-06-05", null, "TODO", 1);
        String p = "TASK:" + taskId + ":2026-06-05:";
        awaitTrue(() -> Reminder.count("key", p + "ESCALATE_LEADER:2026-06-25") == 1);
        // stored two weeks ahead of the due date, not more
        assertEquals(p + "OVERDUE:2026-06-19", lastOverdue(taskId));

        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 6, 6); !d.isAfter(java.time.LocalDate.of(2026, 6, 25));
                d = d.plusDays(1)) {
            clock.set(d + "T01:00:00Z"); // 08:00 in Hải Phòng
            dispatchAll();
            dispatchAll(); // a second scheduler round finds nothing left to send
        }
        Map<String, String> status = statusByKey(taskId);
        assertEquals("SENT", status.get(p + "OVERDUE:2026-06-25"));
        assertEquals("SENT", status.get(p + "ESCALATE_LEADER:2026-06-25"));
        assertEquals(1L, tx(() -> InboxNotification.count("ward = ?1 and unit = 'KT' and title = ?2", ward,
                "Quá hạn 20 ngày: nhiệm vụ “Cập nhật cơ sở dữ liệu hộ tịch”")));
        // every working day from the first Monday after the due date: 8–12, 15–19 and 22–25 June
        assertEquals(14L, tx(() -> Reminder.count("subjectId = ?1 and kind = 'OVERDUE' and status = 'SENT'", taskId)));
        assertEquals(1L + 1 + 14, messagesTo(officer), "1 day before, the day, 14 overdue days; none twice");
        assertEquals(1L, messagesTo(leader));
        // the horizon moved on with the days: still two weeks ahead of the last reminder sent
        assertEquals(p + "OVERDUE:2026-07-09", lastOverdue(taskId));

        TestEvents.task("status-changed", taskId, ward, "KT", "Cập nhật cơ sở dữ liệu hộ tịch", "2026-06-05", null,
                "APPROVED", 2);
        awaitTrue(() -> pendingOf(taskId) == 0);
    }

    static String lastOverdue(String taskId) {
        return tx(() -> Reminder.<Reminder>list("subjectId = ?1 and kind = 'OVERDUE' order by fireAt desc", taskId)
                .get(0).key);
    }

    /** A reminder whose time has come but which the dispatcher has not yet taken is not cancelled by a replan. */
    @Test
    void anEventArrivingJustAfterAReminderIsDueDoesNotCancelIt() {
        String ward = TestEvents.uniqueWard();
        String taskId = UUID.randomUUID().toString();
        clock.set("2026-03-02T00:00:00Z");
        TestEvents.task("created", taskId, ward, "KT", "Niêm yết công khai ngân sách", "2026-04-24", null, "TODO", 1);
        awaitTrue(() -> Reminder.count("subjectId", taskId) == 13);
        String due = "TASK:" + taskId + ":2026-04-24:BEFORE_DUE:2026-04-23";

        clock.set("2026-04-23T01:00:30Z"); // 30 s after the one-day reminder's time, before the next dispatch round
        TestEvents.task("updated", taskId, ward, "KT", "Niêm yết công khai ngân sách năm 2026", "2026-04-24", null,
                "TODO", 2);
        awaitTrue(() -> "Niêm yết công khai ngân sách năm 2026".equals(
                ((vn.friendlygov.notification.readmodel.TaskView) vn.friendlygov.notification.readmodel.TaskView
                        .findById(taskId)).title));
        assertEquals("PENDING", statusByKey(taskId).get(due));
        dispatchAll();
        assertEquals("SENT", statusByKey(taskId).get(due));
    }
}
