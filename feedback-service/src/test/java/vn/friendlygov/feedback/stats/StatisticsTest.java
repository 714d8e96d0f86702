package vn.friendlygov.feedback.stats;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.friendlygov.feedback.Clients.citizen;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.feedback.Clients;

@QuarkusTest
class StatisticsTest {

    @Test
    void figuresPerChannelUnitStatusAndWeekOfOneWard() {
        String ward = "thong-ke-" + UUID.randomUUID().toString().substring(0, 8);
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> leader =
                () -> Clients.staff("leader", "VP", ward);
        leader.get().contentType(ContentType.JSON).body(Map.of("code", "MT", "name", "Môi trường", "unit", "KT",
                "slaDays", 5, "priority", "HIGH")).when().put("/api/v1/wards/" + ward + "/categories/MT")
                .then().statusCode(200);
        String a = submit(ward, "MT");
        submit(ward, "MT");
        submit(ward, null);
        Clients.staff("officer", "KT", ward).contentType(ContentType.JSON)
                .body(Map.of("channel", "HOTLINE", "content", "Gọi điện " + UUID.randomUUID(), "category", "MT"))
                .when().post("/api/v1/staff/feedback").then().statusCode(201);
        String id = Clients.byCode(a).id.toString();
        Clients.staff("officer", "KT", ward).contentType(ContentType.JSON).body(Map.of("answer", "Đã xử lý"))
                .when().post("/api/v1/staff/feedback/" + id + "/answer").then().statusCode(200);
        citizen().contentType(ContentType.JSON).body(Map.of("rating", 4))
                .when().post("/api/v1/feedback/track/" + a + "/rating").then().statusCode(200);

        String base = "/api/v1/wards/" + ward + "/statistics";
        Clients.staff("reviewer", "VHXH", ward).queryParam("by", "channel").when().get(base).then().statusCode(200)
                .body("rows.find { it.key == 'WEB' }.received", equalTo(3))
                .body("rows.find { it.key == 'WEB' }.answered", equalTo(1))
                .body("rows.find { it.key == 'WEB' }.answeredOnTime", equalTo(1))
                .body("rows.find { it.key == 'WEB' }.averageRating", equalTo(4.0f))
                .body("rows.find { it.key == 'HOTLINE' }.received", equalTo(1));
        leader.get().queryParam("by", "unit").when().get(base).then().statusCode(200)
                .body("rows.find { it.key == 'KT' }.received", equalTo(3))
                .body("rows.find { it.key == '-' }.received", equalTo(1));
        leader.get().queryParam("by", "status").when().get(base).then().statusCode(200)
                .body("rows.find { it.key == 'ANSWERED' }.received", equalTo(1))
                .body("rows.find { it.key == 'ASSIGNED' }.received", equalTo(2));
        LocalDate today = LocalDate.now(HolidayCalendar.ZONE);
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        leader.get().queryParam("by", "week").when().get(base).then().statusCode(200)
                .body("rows.key", equalTo(java.util.List.of(week))).body("rows[0].received", equalTo(4));

        leader.get().queryParam("by", "colour").when().get(base).then().statusCode(400)
                .body("violations.field", hasItem("by"));
        leader.get().queryParam("from", "hôm qua").when().get(base).then().statusCode(400)
                .body("violations.field", hasItem("from"));
        Clients.leader().when().get(base).then().statusCode(403);
    }

    private static String submit(String ward, String category) {
        var body = new java.util.HashMap<String, Object>(Map.of("ward", ward, "content", "Phản ánh " + UUID.randomUUID()));
        if (category != null) {
            body.put("category", category);
        }
        return citizen().contentType(ContentType.JSON).body(body).when().post("/api/v1/feedback")
                .then().statusCode(201).extract().path("trackingCode");
    }
}
