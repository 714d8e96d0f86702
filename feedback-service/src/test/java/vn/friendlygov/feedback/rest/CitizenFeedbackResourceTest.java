package vn.friendlygov.feedback.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.citizen;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class CitizenFeedbackResourceTest {

    static final String CODE = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}";

    @Test
    void aCitizenSubmitsAndFollowsTheCaseWithoutAnyPersonalDataShown() {
        // "Phường" and "rác" typed with combining marks (NFD), plus markup a browser would render
        String nfd = "Đề nghị thu gom ra\u0301c ở tổ 5 <b>Phu\u0300 Liễn</b><script>alert(1)</script>";
        String code = citizen().contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", nfd, "category", "MOI_TRUONG",
                        "name", "Nguyễn Văn An", "phone", "+84 912.345.678", "email", "An@Example.vn",
                        "address", "Số 3, tổ 5", "latitude", 20.85, "longitude", 106.68,
                        "photos", List.of("https://anh.example.vn/1.jpg")))
                .when().post("/api/v1/feedback")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/feedback/track/"))
                .body("trackingCode", matchesPattern(CODE))
                .body("status", equalTo("ASSIGNED"))
                .body("dueDate", notNullValue())
                .extract().path("trackingCode");

        Feedback stored = Clients.byCode(code);
        assertEquals("Đề nghị thu gom rác ở tổ 5 Phù Liễn", stored.content);
        assertEquals("+84912345678", stored.citizenPhone);
        assertEquals("an@example.vn", stored.citizenEmail);
        assertEquals("KT", stored.unit);

        // the tracking view, typed as read aloud (lower case, a dash in the middle)
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4).toLowerCase();
        String body = citizen().when().get("/api/v1/feedback/track/" + typed)
                .then().statusCode(200)
                .body("trackingCode", equalTo(code))
                .body("status", equalTo("ASSIGNED"))
                .body("categoryName", equalTo("Vệ sinh môi trường, rác thải"))
                .body("answer", nullValue())
                .extract().asString();
        for (String personal : List.of("Nguyễn", "912", "example.vn", "tổ 5", "Số 3")) {
            assertFalse(body.contains(personal), "tracking view shows " + personal + ": " + body);
        }

        List<ConsumerRecord<String, String>> events = Clients.eventsOf(stored.id.toString(), 2);
        assertEquals(List.of("vn.friendlygov.feedback.feedback.received.v1",
                "vn.friendlygov.feedback.feedback.assigned.v1"),
                events.stream().map(r -> Clients.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> e : events) {
            assertEquals("phu-lien", Clients.header(e, "ce_ward"));
            assertTrue(e.value().contains("\"channel\":\"WEB\""), e.value());
            assertTrue(e.value().contains("\"unit\":\"KT\""), e.value());
            for (String personal : List.of("Nguyễn", "912345678", "example", "Số 3", "thu gom")) {
                assertFalse(e.value().contains(personal), "event carries " + personal + ": " + e.value());
            }
        }
    }

    @Test
    void anonymousFeedbackWithoutCategoryWaitsForRouting() {
        citizen().contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", "Góp ý: nên mở cửa bộ phận một cửa sáng thứ Bảy"))
                .when().post("/api/v1/feedback")
                .then().statusCode(201).body("status", equalTo("RECEIVED"));
    }

    @Test
    void trackingCodesAreShortAndUnrelated() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            codes.add(citizen().contentType(ContentType.JSON)
                    .body(Map.of("ward", "phu-lien", "content", "Phản ánh số " + i + " " + UUID.randomUUID()))
                    .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode"));
        }
        assertEquals(5, codes.size());
        List<String> sorted = codes.stream().sorted().toList();
        // consecutive submissions do not share a prefix the way counters or timestamps would
        long samePrefix = codes.stream().map(c -> c.substring(0, 3)).distinct().count();
        assertTrue(samePrefix >= 4, "codes look sequential: " + sorted);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyMakesOneCase() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("ward", "phu-lien", "content", "Đèn đường ngõ 12 bị hỏng",
                "category", "KHAC", "phone", "0912 000 111");
        long before = feedbackRows();
        String first = citizen().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
        String second = citizen().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("trackingCode");
        assertEquals(first, second);
        assertEquals(before + 1, feedbackRows());

        // the same key for another request is refused and writes nothing
        citizen().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", "Nội dung khác hẳn"))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        assertEquals(before + 1, feedbackRows());

        // without a key, the same body is a new case
        String third = citizen().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
        assertNotEquals(first, third);
    }

    @Test
    void badInputOfEveryKindIsAProblemAndWritesNothing() {
        long before = feedbackRows();
        citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien"))
                .when().post("/api/v1/feedback").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("content"));
        citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "content", "<p> </p>"))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItem("content"));
        citizen().contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", "Xin chào", "phone", "12345", "category", "NOPE"))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItems("phone", "category"));
        citizen().contentType(ContentType.JSON)
                .body(Map.of("ward", "phu-lien", "content", "Xin chào", "email", "not-an-email", "latitude", 120))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItems("email", "latitude"));
        citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "content", "Xin chào",
                        "photos", List.of("https://anh.example.vn/1.jpg", "javascript:alert(1)")))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", equalTo(List.of("photos[1]")));
        citizen().contentType(ContentType.JSON).body(Map.of("ward", "khong-co", "content", "Xin chào"))
                .when().post("/api/v1/feedback").then().statusCode(400)
                .body("violations.field", hasItem("ward"));
        citizen().contentType(ContentType.JSON).body("{\"ward\": \"phu-lien\", \"content\": ")
                .when().post("/api/v1/feedback").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://friendlygov.vn/problems/malformed-json"));
        citizen().contentType(ContentType.JSON).body("{\"ward\": \"phu-lien\", \"content\": \"x\", \"latitude\": \"bắc\"}")
                .when().post("/api/v1/feedback").then().statusCode(400).body("violations.field", hasItem("latitude"));
        citizen().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/feedback").then().statusCode(415).contentType("application/problem+json");
        citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "content", "x".repeat(5001)))
                .when().post("/api/v1/feedback").then().statusCode(400).body("violations.field", hasItem("content"));
        assertEquals(before, feedbackRows());
    }

    @Test
    void unknownOrMalformedTrackingCodes() {
        citizen().when().get("/api/v1/feedback/track/ZZZZ2222").then().statusCode(404)
                .contentType("application/problem+json");
        citizen().when().get("/api/v1/feedback/track/abc").then().statusCode(400)
                .body("violations.field", hasItem("code"));
        citizen().when().get("/api/v1/feedback/track/OOOO0000").then().statusCode(400)
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void thePublicDoorIsRateLimitedPerClient() {
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            var r = io.restassured.RestAssured.given().header("X-Forwarded-For", "203.0.113.77")
                    .when().get("/api/v1/feedback/track/ZZZZ2222");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                assertEquals("application/problem+json", r.contentType());
            }
        }
        assertTrue(limited >= 6, "burst is 5 in tests; limited " + limited);
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        // another client is not affected
        citizen().when().get("/api/v1/feedback/track/ZZZZ2222").then().statusCode(404);
    }

    @Test
    void submissionsBeyondTheLimitAreRefusedAndWriteNothing() {
        long before = feedbackRows();
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            var r = io.restassured.RestAssured.given().header("X-Forwarded-For", "203.0.113.78")
                    .contentType(ContentType.JSON)
                    .body(Map.of("ward", "phu-lien", "content", "Phản ánh lặp " + i + " " + UUID.randomUUID()))
                    .when().post("/api/v1/feedback");
            if (r.statusCode() == 429) {
                limited++;
                assertEquals("application/problem+json", r.contentType());
                assertEquals(429, r.jsonPath().getInt("status"));
            } else {
                assertEquals(201, r.statusCode(), r.asString());
                created++;
            }
        }
        assertTrue(limited >= 4, "burst is 5 in tests; limited " + limited);
        assertEquals(before + created, feedbackRows());
    }
}
