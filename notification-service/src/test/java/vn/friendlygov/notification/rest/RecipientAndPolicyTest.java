package vn.friendlygov.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class RecipientAndPolicyTest {

    @Test
    void recipientsAreManagedByTheWardsLeadersWithTheirChannelsAndQuietHours() {
        String ward = TestEvents.uniqueWard();
        String leader = TestTokens.token("leader", "VP", ward);
        String id = given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("unit", "VHXH", "role", "HEAD", "name", "Phạm Thị Thu Hường", "email", "huong@example.vn",
                        "phone", "0912345678", "channels", List.of("ZALO", "EMAIL"), "quietStart", "21:30",
                        "quietEnd", "06:30"))
                .when().post("/api/v1/recipients").then().statusCode(201)
                .body("name", equalTo("Phạm Thị Thu Hường")).body("channels", contains("ZALO", "EMAIL"))
                .extract().path("id");
        given().auth().oauth2(leader).queryParam("unit", "VHXH").when().get("/api/v1/recipients").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].quietStart", equalTo("21:30:00"));
        // an officer does not manage people; a leader of another ward does not see them
        given().auth().oauth2(TestTokens.token("officer", "VHXH", ward)).when().get("/api/v1/recipients").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("leader", "VP", "an-lu")).queryParam("ward", ward)
                .when().get("/api/v1/recipients").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("leader", "VP", "an-lu")).when().delete("/api/v1/recipients/" + id)
                .then().statusCode(403);
        given().auth().oauth2(leader).when().delete("/api/v1/recipients/" + id).then().statusCode(204);
        given().auth().oauth2(leader).when().get("/api/v1/recipients").then().body("size()", equalTo(0));
    }

    @Test
    void badRecipientsAreRefusedWithEveryFieldNamedAndNothingIsStored() {
        String ward = TestEvents.uniqueWard();
        String leader = TestTokens.token("leader", "VP", ward);
        given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("unit", "phòng kinh tế", "role", "BOSS", "name", "A", "channels", List.of("EMAIL")))
                .when().post("/api/v1/recipients").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("role"));
        given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("unit", "phòng kinh tế", "role", "OFFICER", "name", "", "email", "not-an-email",
                        "phone", "12345", "channels", List.of()))
                .when().post("/api/v1/recipients").then().statusCode(400)
                .body("violations.field", hasItems("unit", "name", "email", "phone", "channels"));
        given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("unit", "KT", "role", "OFFICER", "name", "Lê Văn Tám", "channels", List.of("SMS", "INBOX"),
                        "quietStart", "22:00"))
                .when().post("/api/v1/recipients").then().statusCode(400)
                .body("violations.field", hasItems("phone", "channels[1]", "quietEnd"));
        given().auth().oauth2(leader).when().get("/api/v1/recipients").then().body("size()", equalTo(0));
    }

    @Test
    void aWardTunesItsReminderPolicyAsData() {
        String ward = TestEvents.uniqueWard();
        String leader = TestTokens.token("leader", "VP", ward);
        given().auth().oauth2(leader).when().get("/api/v1/reminder-policies/" + ward).then().statusCode(200)
                .body("daysBefore", contains(30, 7, 1)).body("escalateHeadAfterDays", equalTo(3))
                .body("escalateLeaderAfterDays", equalTo(7)).body("sendHour", equalTo(8));
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("daysBefore", List.of(1, 14, 3), "sendHour", 7,
                "onDueDay", true, "overdueDailyDays", 10, "escalateHeadAfterDays", 2, "escalateLeaderAfterDays", 5,
                "leaderUnit", "VP", "reviewerUnit", "VHXH", "digestEnabled", false, "greetingDaysBefore", 5));
        given().auth().oauth2(leader).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(200)
                .body("daysBefore", contains(14, 3, 1));
        given().auth().oauth2(leader).when().get("/api/v1/reminder-policies/" + ward).then()
                .body("sendHour", equalTo(7)).body("digestEnabled", equalTo(false));

        policy.put("escalateLeaderAfterDays", 2);
        given().auth().oauth2(leader).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(400)
                .body("violations[0].field", equalTo("escalateLeaderAfterDays"));
        policy.put("escalateLeaderAfterDays", 5);
        policy.put("sendHour", 24);
        policy.put("daysBefore", List.of(0));
        given().auth().oauth2(leader).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(400)
                .body("violations.field", hasItems("sendHour"))
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("daysBefore")));
        given().auth().oauth2(leader).when().get("/api/v1/reminder-policies/" + ward).then()
                .body("sendHour", equalTo(7));
        policy.put("sendHour", 7);
        policy.put("daysBefore", List.of(7));
        given().auth().oauth2(TestTokens.token("officer", "VP", ward)).when()
                .get("/api/v1/reminder-policies/" + ward).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("leader", "VP", "an-lu")).contentType("application/json").body(policy)
                .when().put("/api/v1/reminder-policies/" + ward).then().statusCode(403);
    }
}
