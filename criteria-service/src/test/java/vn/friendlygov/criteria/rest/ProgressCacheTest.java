package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.service.ProgressService;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;

/**
 * The progress endpoint answers from a cache filed under the plan's version; after every kind of change (transitions
 * through the API, a measurement, the overdue flag, even a change written straight into the database) it must give
 * exactly what a recomputation from the tasks gives, and the change must show.
 */
@QuarkusTest
class ProgressCacheTest {

    static final String WARD = "progress-cache";
    static final String PLAN = WARD + "-2026";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 1);

    @Inject
    ProgressService progress;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    JsonNode served() {
        return readTree(given().auth().oauth2(LEADER).queryParam("asOf", AS_OF.toString()).when()
                .get("/api/v1/plans/" + PLAN + "/progress").then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString());
    }

    /** Written and read back like the served answer, so that both trees hold the same node types. */
    JsonNode recomputed() {
        try {
            return readTree(json.writeValueAsString(progress.recompute(PLAN, AS_OF)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads twice (the second read is a cache hit), compares with a recomputation and returns the answer. */
    JsonNode sameBothWays() {
        JsonNode first = served();
        JsonNode second = served();
        assertEquals(first, second);
        assertEquals(recomputed(), second);
        return second;
    }

    static void act(String id, String action, String reason) {
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"action\":\"" + action + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}")
                .post("/api/v1/tasks/" + id + "/transitions").then().statusCode(200);
    }

    static List<String> dueByAsOf() {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.<TaskOccurrence>list(
                "planCode = ?1 and dueDate <= ?2 order by dueDate, title, id", PLAN, AS_OF).stream()
                .map(t -> t.id.toString()).toList());
    }

    @Test
    void theCachedAnswerIsTheRecomputedOneAfterEveryKindOfChange() {
        List<String> due = dueByAsOf();
        JsonNode before = sameBothWays();
        long approved = before.at("/total/byStatus/APPROVED").asLong();

        act(due.get(0), "start", null);
        JsonNode started = sameBothWays();
        assertEquals(before.at("/total/byStatus/IN_PROGRESS").asLong() + 1,
                started.at("/total/byStatus/IN_PROGRESS").asLong());

        act(due.get(0), "submit", null);
        act(due.get(0), "approve", null);
        JsonNode afterApprove = sameBothWays();
        assertEquals(approved + 1, afterApprove.at("/total/byStatus/APPROVED").asLong());
        assertEquals(before.at("/total/approvedDue").asLong() + 1, afterApprove.at("/total/approvedDue").asLong());

        act(due.get(1), "cancel", "trùng với nhiệm vụ khác");
        JsonNode afterCancel = sameBothWays();
        assertEquals(afterApprove.at("/total/due").asLong() - 1, afterCancel.at("/total/due").asLong());

        // a measurement changes a criterion's KPI summary and score
        String signing = given().auth().oauth2(LEADER).when().get("/api/v1/plans/" + PLAN + "/indicators").then()
                .statusCode(200).extract().path("find { it.code == 'DIGITAL_SIGNING' }.id");
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"period\":\"2026-03\",\"numerator\":95,\"denominator\":100,\"source\":\"Hệ thống văn bản\"}")
                .post("/api/v1/indicators/" + signing + "/measurements").then().statusCode(200);
        JsonNode measured = sameBothWays();
        assertNotEquals(afterCancel.get("criteria"), measured.get("criteria"));

        // a change written straight into the database, as another replica or an operator would: the version still
        // moves, because the database bumps it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update task_occurrence set overdue = true where id = ?1").setParameter(1, UUID.fromString(due.get(2)))
                .executeUpdate());
        JsonNode flagged = sameBothWays();
        assertEquals(measured.at("/total/overdue").asLong() + 1, flagged.at("/total/overdue").asLong());
    }

    @Test
    void concurrentChangesAndReadsEndWithTheRecomputedAnswer() {
        List<String> due = dueByAsOf();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int i = 10; i < 20; i++) {
            String id = due.get(i);
            work.add(CompletableFuture.runAsync(() -> act(id, "start", null)));
            work.add(CompletableFuture.runAsync(this::served));
        }
        work.forEach(CompletableFuture::join);
        JsonNode end = sameBothWays();
        long started = QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.count(
                "planCode = ?1 and status = ?2", PLAN, vn.friendlygov.criteria.task.TaskStatus.IN_PROGRESS));
        assertEquals(started, end.at("/total/byStatus/IN_PROGRESS").asLong());
    }

    @Test
    void theCachedTaskPageFollowsEveryChangeOfTheTasks() {
        List<String> due = dueByAsOf();
        String id = due.get(30);
        java.util.function.Supplier<io.restassured.response.ValidatableResponse> page = () -> given().auth()
                .oauth2(LEADER).queryParam("dueTo", AS_OF.toString()).queryParam("size", "500").when()
                .get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(200);
        String path = "items.find { it.id == '" + id + "' }";
        page.get().body(path + ".status", org.hamcrest.Matchers.equalTo("TODO"))
                .body(path + ".version", org.hamcrest.Matchers.equalTo(0));
        page.get().body(path + ".status", org.hamcrest.Matchers.equalTo("TODO")); // from the cache

        act(id, "start", null);
        page.get().body(path + ".status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"))
                .body(path + ".version", org.hamcrest.Matchers.equalTo(1));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update task_occurrence set evidence_count = 3 where id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());
        page.get().body(path + ".evidenceCount", org.hamcrest.Matchers.equalTo(3));
        // the filter is part of the key: another filter over the same version is its own answer
        given().auth().oauth2(LEADER).queryParam("status", "IN_PROGRESS").queryParam("q", "LÃNH ĐẠO").when()
                .get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("IN_PROGRESS")));
    }
}
