package vn.friendlygov.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.friendlygov.testsupport.FreshDatabase;
import vn.friendlygov.testsupport.InJvmKafka;
import vn.friendlygov.testsupport.TestTokens;

/**
 * The walking skeleton across real processes: criteria-service changes a task, the outbox relay publishes the event
 * to the real broker, notification-service consumes it and the lead unit sees it in its inbox. Then the same with
 * the broker down while the task changes.
 */
class WalkingSkeletonTest {

    static final String WARD = "phu-lien";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);
    static final String OFFICER = TestTokens.token("officer", "TTPVHCC", WARD);

    static ServiceProcess criteria;
    static ServiceProcess notification;

    @BeforeAll
    static void startServices() throws Exception {
        Map<String, String> common = ServiceProcess.platform();
        criteria = ServiceProcess.start("criteria-service", common);
        notification = ServiceProcess.start("notification-service", common);
    }

    @AfterAll
    static void stopServices() {
        if (criteria != null) {
            criteria.close();
        }
        if (notification != null) {
            notification.close();
        }
    }

    @Test
    void aTaskChangeReachesTheLeadUnitsInbox() {
        String id = createTask("Có máy tính để người dân sử dụng");
        transition(id, "start");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICER)
                .when().get(notification.url("/api/v1/inbox"))
                .then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + id + "' && it.kind == 'TASK_STATUS_CHANGED' }.size()",
                        equalTo(1))
                .body("items.find { it.subjectId == '" + id + "' && it.kind == 'TASK_STATUS_CHANGED' }.title",
                        equalTo("Nhiệm vụ chuyển sang đang thực hiện: Có máy tính để người dân sử dụng")));
        // another unit does not see it
        given().auth().oauth2(TestTokens.token("officer", "KT", WARD)).when().get(notification.url("/api/v1/inbox"))
                .then().statusCode(200).body("items.findAll { it.subjectId == '" + id + "' }.size()", equalTo(0));
    }

    @Test
    void nothingIsLostWhileKafkaIsDownAndTheNotificationAppearsOnce() throws Exception {
        String id = createTask("Có camera giám sát");
        transition(id, "start");
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingOutbox() == 0);

        InJvmKafka.stopBroker();
        try {
            transition(id, "submit");
            // the relay tries, fails, and keeps the row
            await().atMost(Duration.ofSeconds(60)).until(() -> failedAttempts() > 0);
            assertEquals(1, pendingOutbox());
        } finally {
            InJvmKafka.restartBroker();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> pendingOutbox() == 0);
        String submitted = "items.findAll { it.subjectId == '" + id + "' && it.title.startsWith('Nhiệm vụ chuyển sang đã nộp') }";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(OFFICER)
                .when().get(notification.url("/api/v1/inbox"))
                .then().statusCode(200).body(submitted + ".size()", equalTo(1)));
        // one event per change, one notification per event
        List<Integer> counts = List.of(notificationsAbout(id));
        assertEquals(List.of(2), counts, "start and submit, each exactly once");
        assertTrue(eventsPublishedFor(id) >= 3, "created, started, submitted all published");
    }

    private static String createTask(String title) {
        return given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body(Map.of("ward", WARD, "leadUnit", "TTPVHCC", "title", title, "dueDate", "2026-03-31"))
                .when().post(criteria.url("/api/v1/tasks"))
                .then().statusCode(201).extract().path("id");
    }

    private static void transition(String id, String action) {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("action", action))
                .when().post(criteria.url("/api/v1/tasks/" + id + "/transitions"))
                .then().statusCode(200);
    }

    private static long pendingOutbox() throws SQLException {
        return count(criteria, "select count(*) from outbox_event where published_at is null");
    }

    private static long failedAttempts() throws SQLException {
        return count(criteria, "select coalesce(sum(attempts), 0) from outbox_event where published_at is null");
    }

    private static long eventsPublishedFor(String id) throws SQLException {
        return count(criteria, "select count(*) from outbox_event where published_at is not null and aggregate_id = '"
                + id + "'");
    }

    private static int notificationsAbout(String id) throws SQLException {
        return (int) count(notification, "select count(*) from inbox_notification where subject_id = '" + id
                + "' and kind = 'TASK_STATUS_CHANGED'");
    }

    private static long count(ServiceProcess s, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.databaseUrl(), FreshDatabase.user(), FreshDatabase.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
