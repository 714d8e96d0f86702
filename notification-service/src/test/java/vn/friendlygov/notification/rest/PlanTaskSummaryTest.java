package vn.friendlygov.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/**
 * An imported plan creates hundreds of tasks at once: a unit gets one notification per plan and day that counts them,
 * not one per task; ad-hoc tasks still get their own. The inbox can be filtered by unread and by kind.
 */
@QuarkusTest
class PlanTaskSummaryTest {

    @TestHTTPResource("/api/v1/inbox/stream")
    URI stream;

    /** A task-created event of a task generated from plan {@code plan}; returns the event id. */
    static String planTaskCreated(String eventId, String ward, String plan, String unit, String title) {
        String taskId = UUID.randomUUID().toString();
        String json = "{\"taskId\":\"" + taskId + "\",\"ward\":\"" + ward + "\",\"planCode\":\"" + plan
                + "\",\"itemId\":\"" + UUID.randomUUID() + "\",\"leadUnit\":\"" + unit + "\",\"title\":\"" + title
                + "\",\"dueDate\":\"2026-12-31\",\"recurrence\":\"ONCE\",\"toStatus\":\"TODO\",\"action\":\"CREATE\","
                + "\"version\":0}";
        ProducerRecord<String, String> r = new ProducerRecord<>(TestEvents.TASKS, taskId, json);
        for (String[] h : new String[][] {{"ce_id", eventId}, {"ce_specversion", "1.0"},
                {"ce_source", "/friendlygov/test"}, {"ce_type", TestEvents.TASK + "created.v1"},
                {"ce_time", "2026-03-02T00:00:00Z"}, {"ce_ward", ward}}) {
            r.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        TopicProbe.send(r);
        return eventId;
    }

    @Test
    void anImportedPlansTasksMakeOneCountingNotificationPerUnitAndAdHocTasksTheirOwn() throws Exception {
        String ward = TestEvents.uniqueWard();
        String plan = ward + "-2026";
        String officer = TestTokens.token("officer", "VHXH", ward);
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + officer).GET().build();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        try {
            response.get(30, TimeUnit.SECONDS);
            String first = planTaskCreated(UUID.randomUUID().toString(), ward, plan, "VHXH", "Tổ chức Tết trồng cây");
            planTaskCreated(first, ward, plan, "VHXH", "Tổ chức Tết trồng cây"); // redelivered: counts once
            planTaskCreated(UUID.randomUUID().toString(), ward, plan, "VHXH", "Thăm hỏi gia đình chính sách");
            planTaskCreated(UUID.randomUUID().toString(), ward, plan, "KT", "Rà soát hộ kinh doanh");
            String last = planTaskCreated(UUID.randomUUID().toString(), ward, plan, "VHXH",
                    "Tuyên truyền xây dựng nếp sống văn minh đô thị");
            TestEvents.task("created", ward + "-adhoc", ward, "VHXH", "Việc đột xuất: dọn vệ sinh sau bão", "2026-12-20",
                    null, "TODO", 1); // no itemId: an ad-hoc task, notified on its own
            awaitTrue(() -> InboxNotification.count("ward = ?1 and unit = 'VHXH'", ward) == 2
                    && InboxNotification.count("ward = ?1 and itemCount = 3", ward) == 1);

            given().auth().oauth2(officer).when().get("/api/v1/inbox").then().statusCode(200)
                    .body("unread", equalTo(2))
                    .body("items.size()", equalTo(2))
                    .body("items.find { it.kind == 'PLAN_TASKS_ASSIGNED' }.title",
                            equalTo("Kế hoạch " + plan + ": 3 nhiệm vụ mới được giao"))
                    .body("items.find { it.kind == 'PLAN_TASKS_ASSIGNED' }.count", equalTo(3))
                    .body("items.find { it.kind == 'PLAN_TASKS_ASSIGNED' }.subjectId", equalTo(plan))
                    .body("items.find { it.kind == 'PLAN_TASKS_ASSIGNED' }.body",
                            equalTo("Mới nhất: Tuyên truyền xây dựng nếp sống văn minh đô thị"))
                    .body("items.find { it.kind == 'TASK_ASSIGNED' }.title",
                            equalTo("Nhiệm vụ mới: Việc đột xuất: dọn vệ sinh sau bão"))
                    .body("items.find { it.kind == 'TASK_ASSIGNED' }.count", equalTo(1));
            // the other unit's single plan task stays a plain notification about that task
            given().auth().oauth2(TestTokens.token("officer", "KT", ward)).when().get("/api/v1/inbox").then()
                    .statusCode(200).body("items.size()", equalTo(1))
                    .body("items[0].kind", equalTo("TASK_ASSIGNED"))
                    .body("items[0].title", equalTo("Nhiệm vụ mới: Rà soát hộ kinh doanh"));
            // the summary was pushed live as it grew
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:")
                    && l.contains("3 nhiệm vụ mới được giao") && l.contains("\"count\":3")));

            // read, then one more task of the plan the same day: the summary counts it and is unread again
            String summary = given().auth().oauth2(officer).when().get("/api/v1/inbox?kind=PLAN_TASKS_ASSIGNED")
                    .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("items[0].id");
            given().auth().oauth2(officer).when().post("/api/v1/inbox/" + summary + "/read").then().statusCode(200);
            given().auth().oauth2(officer).when().get("/api/v1/inbox?unread=true").then().statusCode(200)
                    .body("items.kind", equalTo(List.of("TASK_ASSIGNED"))).body("unread", equalTo(1));
            planTaskCreated(UUID.randomUUID().toString(), ward, plan, "VHXH", "Tổng kết mô hình chính quyền thân thiện");
            awaitTrue(() -> InboxNotification.count("ward = ?1 and itemCount = 4", ward) == 1);
            given().auth().oauth2(officer).when().get("/api/v1/inbox?unread=true").then().statusCode(200)
                    .body("unread", equalTo(2))
                    .body("items.readAt", everyItem(nullValue()))
                    .body("items[0].title", equalTo("Kế hoạch " + plan + ": 4 nhiệm vụ mới được giao"));
            assertEquals(2L, tx(() -> InboxNotification.count("ward = ?1 and unit = 'VHXH'", ward)));
        } finally {
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    @Test
    void aKindThatCannotBeOneIsABadRequest() {
        given().auth().oauth2(TestTokens.token("officer", "VHXH", "phu-lien"))
                .when().get("/api/v1/inbox?kind=not-a-kind").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
