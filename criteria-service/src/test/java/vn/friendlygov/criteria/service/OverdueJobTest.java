package vn.friendlygov.criteria.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;

/** Tasks of this test are due in 2020 so that the job, run "on" a 2020 date, touches only them. */
@QuarkusTest
class OverdueJobTest {

    static final String WARD = "overdue";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);

    @Inject
    OverdueJob job;

    static String create(String due) {
        return given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"VHXH\",\"title\":\"Báo cáo quý\",\"dueDate\":\"" + due + "\"}")
                .when().post("/api/v1/tasks").then().statusCode(201).extract().path("id");
    }

    static TaskOccurrence task(String id) {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.findById(UUID.fromString(id)));
    }

    static long overdueEvents(String id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId = ?1 and type = ?2", id,
                "vn.friendlygov.criteria.task.overdue.v1"));
    }

    @Test
    void marksOpenTasksPastTheirDueDateOnceEvenWithTwoReplicasAtOnce() {
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            late.add(create("2020-01-0" + (i + 1)));
        }
        String dueToday = create("2020-01-10");
        String submitted = create("2020-01-02");
        given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"start\"}")
                .post("/api/v1/tasks/" + submitted + "/transitions").then().statusCode(200);
        given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"submit\"}")
                .post("/api/v1/tasks/" + submitted + "/transitions").then().statusCode(200);
        String cancelled = create("2020-01-03");
        given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"cancel\",\"reason\":\"bỏ\"}")
                .post("/api/v1/tasks/" + cancelled + "/transitions").then().statusCode(200);

        LocalDate today = LocalDate.of(2020, 1, 10);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> job.markOverdue(today));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> job.markOverdue(today));
        assertEquals(5, a.join() + b.join(), "each late task marked by exactly one of the two runs");
        assertEquals(0, job.markOverdue(today), "a second day's run finds nothing new");

        for (String id : late) {
            assertTrue(task(id).overdue);
            assertEquals(1, overdueEvents(id));
        }
        assertFalse(task(dueToday).overdue, "due today is not late yet");
        assertFalse(task(submitted).overdue, "submitted in time, waiting for review");
        assertFalse(task(cancelled).overdue);
        given().auth().oauth2(LEADER).when().get("/api/v1/tasks/" + late.get(0) + "/history").then()
                .body("action", org.hamcrest.Matchers.equalTo(List.of("CREATE", "OVERDUE")))
                .body("[1].actor", org.hamcrest.Matchers.equalTo("system:overdue-job"));
        // an overdue task can still be done
        given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"start\"}")
                .post("/api/v1/tasks/" + late.get(0) + "/transitions").then().statusCode(200)
                .body("overdue", org.hamcrest.Matchers.equalTo(true));
    }
}
