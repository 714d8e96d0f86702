package vn.friendlygov.criteria.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.TestClock;
import vn.friendlygov.criteria.plan.parse.SeedPlan;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;

/**
 * A corrected plan that moves an overdue task's due date into the future clears the flag, with a history entry and a
 * {@code task.updated} event that says {@code "overdue":false}; a task whose due date stays in the past stays overdue.
 */
@QuarkusTest
class ReimportOverdueTest {

    static final String WARD = "reimport-overdue";
    static final String PLAN = WARD + "-2026";
    static final String MOVED = "Bổ trí hòm thư góp ý tại trụ sở chính quyền xã, nơi sinh hoạt cộng đồng tại các thôn.";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static UUID taskLike(String titlePrefix) {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.<TaskOccurrence>find(
                "planCode = ?1 and title like ?2", PLAN, titlePrefix + "%").singleResult().id);
    }

    static void markOverdue(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> TaskOccurrence.update("overdue = true where id = ?1", id));
    }

    static TaskOccurrence task(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.findById(id));
    }

    @Test
    void aDueDateMovedIntoTheFutureIsNoLongerOverdue() {
        SeedImports.importSeed(WARD);
        UUID moved = taskLike("Bổ trí hòm thư");
        UUID stays = taskLike("Có máy photocopy, máy scan");
        assertEquals(java.time.LocalDate.of(2026, 3, 31), task(moved).dueDate);
        assertTrue(task(stays).dueDate.isBefore(java.time.LocalDate.of(2026, 4, 15)));
        // the job ran on 1 April: both Q1 tasks are late
        markOverdue(moved);
        markOverdue(stays);

        clock.set("2026-04-15T03:00:00Z");
        String original = "- " + MOVED + "\tQuý I";
        String corrected = SeedPlan.text().replace(original, "- " + MOVED + "\tQuý II")
                .replace("Có máy photocopy, máy scan tài liệu", "Có máy photocopy, máy quét tài liệu");
        SeedImports.importText(WARD, corrected);

        TaskOccurrence m = task(moved);
        assertEquals(java.time.LocalDate.of(2026, 6, 30), m.dueDate);
        assertFalse(m.overdue, "due 30 June, seen on 15 April: not late");
        TaskOccurrence s = task(stays);
        assertEquals("Có máy photocopy, máy quét tài liệu", s.title, "this one was updated too");
        assertTrue(s.overdue, "still due before 15 April: still late");

        List<TaskHistoryEntry> history = QuarkusTransaction.requiringNew().call(() ->
                TaskHistoryEntry.list("taskId = ?1 order by occurredAt", moved));
        assertEquals("UPDATE", history.get(history.size() - 1).action);
        assertEquals("plan re-imported; due 2026-06-30, no longer overdue", history.get(history.size() - 1).reason);
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.list(
                "aggregateId = ?1 and type = ?2 order by createdAt", moved.toString(),
                "vn.friendlygov.criteria.task.updated.v1"));
        assertEquals(1, events.size());
        assertTrue(events.get(0).payload.contains("\"overdue\":false"), events.get(0).payload);
        assertTrue(events.get(0).payload.contains("\"dueDate\":\"2026-06-30\""), events.get(0).payload);

        given().auth().oauth2(TestTokens.token("officer", "VHXH", WARD)).queryParam("overdue", "true")
                .queryParam("q", "hom thu gop y").when().get("/api/v1/plans/" + PLAN + "/tasks").then()
                .statusCode(200).body("total", equalTo(0));
    }
}
