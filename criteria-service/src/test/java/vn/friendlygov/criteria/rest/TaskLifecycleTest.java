package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class TaskLifecycleTest {

    static final String WARD = "lifecycle";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);
    static final String REVIEWER = TestTokens.token("reviewer", "VHXH", WARD);
    static final String OFFICER = TestTokens.token("officer", "KT", WARD);

    static String create() {
        return given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"KT\",\"title\":\"Công khai quy chế dân chủ\","
                        + "\"dueDate\":\"2026-12-31\",\"coordinatingUnits\":[\"VP\"],"
                        + "\"expectedEvidence\":\"Văn bản triển khai thực hiện\"}")
                .when().post("/api/v1/tasks").then().statusCode(201)
                .body("coordinatingUnits", equalTo(List.of("VP"))).extract().path("id");
    }

    static int act(String token, String id, String action, String reason, Long version) {
        var req = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reason == null ? "{\"action\":\"" + action + "\"}"
                        : "{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}");
        if (version != null) {
            req = req.header("If-Match", "\"" + version + "\"");
        }
        return req.when().post("/api/v1/tasks/" + id + "/transitions").then().extract().statusCode();
    }

    @Test
    void aTaskGoesThroughReturnAndApprovalWithItsHistory() {
        String id = create();
        assertEquals(200, act(OFFICER, id, "start", null, 0L));
        assertEquals(200, act(OFFICER, id, "submit", null, 1L));
        assertEquals(400, act(REVIEWER, id, "return", null, 2L), "returning needs a reason");
        assertEquals(200, act(REVIEWER, id, "return", "Thiếu hình ảnh hoạt động", 2L));
        assertEquals(409, act(OFFICER, id, "submit", null, 3L), "a returned task is started again first");
        assertEquals(200, act(OFFICER, id, "start", null, 3L));
        assertEquals(200, act(OFFICER, id, "submit", null, 4L));
        assertEquals(403, act(OFFICER, id, "approve", null, 5L), "officers do not approve");
        assertEquals(200, act(LEADER, id, "approve", null, 5L));
        assertEquals(409, act(LEADER, id, "cancel", "không còn cần", 6L), "an approved task is final");

        given().auth().oauth2(OFFICER).when().get("/api/v1/tasks/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATE", "START", "SUBMIT", "RETURN", "START", "SUBMIT", "APPROVE")))
                .body("toStatus", equalTo(List.of("TODO", "IN_PROGRESS", "SUBMITTED", "RETURNED", "IN_PROGRESS",
                        "SUBMITTED", "APPROVED")))
                .body("[3].reason", equalTo("Thiếu hình ảnh hoạt động"))
                .body("[3].actor", equalTo("reviewer-VHXH@" + WARD))
                .body("[3].fromStatus", equalTo("SUBMITTED"));
        given().auth().oauth2(OFFICER).when().get("/api/v1/tasks/" + id).then().statusCode(200)
                .header("ETag", "\"6\"").body("status", equalTo("APPROVED"));
    }

    @Test
    void onlyALeaderCancelsAndAReasonIsRequired() {
        String id = create();
        assertEquals(403, act(OFFICER, id, "cancel", "lý do", null));
        assertEquals(403, act(REVIEWER, id, "cancel", "lý do", null));
        assertEquals(400, act(LEADER, id, "cancel", null, null));
        assertEquals(403, act(TestTokens.token("leader", "VP", "another"), id, "cancel", "lý do", null));
        assertEquals(200, act(LEADER, id, "cancel", "Trùng với nhiệm vụ khác", null));
        assertEquals(409, act(OFFICER, id, "start", null, null));
    }

    @Test
    void adHocTasksNeedKnownUnits() {
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"XYZ\",\"title\":\"x\",\"coordinatingUnits\":[\"VP\",\"ABC\"]}")
                .when().post("/api/v1/tasks").then().statusCode(400).body("violations[0].field", equalTo("leadUnit"));
        given().auth().oauth2(LEADER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"VP\",\"title\":\"x\",\"coordinatingUnits\":[\"VP\",\"ABC\"]}")
                .when().post("/api/v1/tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("coordinatingUnits[1]"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"ward\":\"" + WARD + "\",\"leadUnit\":\"KT\",\"title\":\"x\"}")
                .when().post("/api/v1/tasks").then().statusCode(403);
    }

    @Test
    void twoOfficersStartingTheSameVersionAtOnceOneWinsTheOtherGets412() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = create();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> c = () -> {
                    go.await();
                    return act(OFFICER, id, "start", null, 0L);
                };
                answers.add(pool.submit(c));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) {
                codes.add(f.get());
            }
            pool.shutdown();
            codes.sort(Integer::compareTo);
            assertEquals(List.of(200, 412), codes);
            given().auth().oauth2(OFFICER).when().get("/api/v1/tasks/" + id + "/history").then()
                    .body("action", equalTo(List.of("CREATE", "START")));
        }
    }
}
