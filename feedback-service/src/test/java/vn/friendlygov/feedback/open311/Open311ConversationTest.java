package vn.friendlygov.feedback.open311;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.friendlygov.feedback.Clients.citizen;
import static vn.friendlygov.feedback.Clients.feedbackRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class Open311ConversationTest {

    static String apiKey;

    @BeforeEach
    void aKeyForTheCityApp() {
        if (apiKey == null) {
            apiKey = Clients.staff("admin", null, null).contentType(ContentType.JSON)
                    .body(Map.of("name", "Hải Phòng Smart"))
                    .when().post("/api/v1/admin/open311-clients")
                    .then().statusCode(201).body("apiKey", matchesPattern("[A-Za-z0-9_-]{43}"))
                    .extract().path("apiKey");
        }
    }

    @Test
    void servicesThenPostThenTokenThenGetInJson() {
        citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/services.json")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("service_code", hasItems("MOI_TRUONG", "DAT_DAI"))
                .body("find { it.service_code == 'MOI_TRUONG' }.service_name", equalTo("Vệ sinh môi trường, rác thải"))
                .body("find { it.service_code == 'MOI_TRUONG' }.metadata", equalTo(true));
        citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/services/MOI_TRUONG.json")
                .then().statusCode(200)
                .body("service_code", equalTo("MOI_TRUONG"))
                .body("attributes.code", hasItems("vi_tri_chi_tiet", "hinh_thuc_tra_loi"))
                .body("attributes.find { it.code == 'hinh_thuc_tra_loi' }.values.key", hasItem("ZALO"));

        long before = feedbackRows();
        var posted = citizen().contentType(Clients.FORM)
                .formParam("api_key", apiKey).formParam("jurisdiction_id", "phu-lien")
                .formParam("service_code", "MOI_TRUONG").formParam("lat", "20.8612").formParam("long", "106.6745")
                .formParam("address_string", "Ngõ 4, tổ 2").formParam("first_name", "Lê")
                .formParam("last_name", "Văn Cường").formParam("phone", "0987 654 321")
                .formParam("description", "Nước thải tràn ra đường " + UUID.randomUUID())
                .formParam("media_url", "https://anh.example.vn/nuoc-thai.jpg")
                .formParam("attribute[hinh_thuc_tra_loi]", "ZALO")
                .formParam("attribute[vi_tri_chi_tiet]", "Trước nhà số 12")
                .when().post("/open311/v2/requests.json")
                .then().statusCode(201).body("$", hasSize(1))
                .body("[0].service_request_id", matchesPattern("[2-9A-Z]{8}"))
                .extract().jsonPath();
        assertEquals(before + 1, feedbackRows());
        String token = posted.getString("[0].token");
        String id = posted.getString("[0].service_request_id");

        citizen().when().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id)).body("[0].token", equalTo(token));
        citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("MOI_TRUONG"))
                .body("[0].agency_responsible", equalTo("KT"))
                .body("[0].lat", equalTo(20.8612f))
                .body("[0].media_url", equalTo("https://anh.example.vn/nuoc-thai.jpg"))
                .body("[0].requested_datetime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*\\+07:00"));
        citizen().queryParam("jurisdiction_id", "phu-lien").queryParam("service_request_id", id)
                .queryParam("status", "open").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", equalTo(java.util.List.of(id)));
        citizen().queryParam("jurisdiction_id", "phu-lien").queryParam("service_code", "MOI_TRUONG")
                .queryParam("status", "closed").when().get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.not(hasItem(id)));

        Feedback f = Clients.byCode(id);
        assertEquals("OPEN311", f.channel.name());
        assertEquals("Lê Văn Cường", f.citizenName);
        assertEquals("+84987654321", f.citizenPhone);
        assertEquals("{\"hinh_thuc_tra_loi\":\"ZALO\",\"vi_tri_chi_tiet\":\"Trước nhà số 12\"}", f.attributes);

        // a case from another channel is listed without anyone's details
        String web = citizen().contentType(ContentType.JSON).body(Map.of("ward", "phu-lien", "category", "MOI_TRUONG",
                "content", "Riêng tư " + UUID.randomUUID(), "address", "Nhà bà Tư", "latitude", 20.1, "longitude", 106.1))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
        citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/requests/" + web + ".json")
                .then().statusCode(200).body("[0].description", nullValue()).body("[0].address", nullValue())
                .body("[0].lat", nullValue());
    }

    @Test
    void theSameConversationInXml() {
        String xml = citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/services.xml")
                .then().statusCode(200).contentType(containsString("text/xml")).extract().asString();
        XmlPath services = new XmlPath(xml);
        assertEquals("Đất đai, xây dựng",
                services.getString("services.service.find { it.service_code == 'DAT_DAI' }.service_name"));
        XmlPath definition = new XmlPath(citizen().queryParam("jurisdiction_id", "phu-lien")
                .when().get("/open311/v2/services/DAT_DAI.xml").then().statusCode(200).extract().asString());
        assertEquals("hinh_thuc_tra_loi",
                definition.getString("service_definition.attributes.attribute[1].code"));
        assertEquals("ZALO", definition.getString("service_definition.attributes.attribute[1].values.value[1].key"));

        XmlPath posted = new XmlPath(citizen().contentType(Clients.FORM).formParam("api_key", apiKey)
                .formParam("jurisdiction_id", "phu-lien").formParam("service_code", "DAT_DAI")
                .formParam("address_string", "Thôn Nam").formParam("description", "Xây dựng trái phép " + UUID.randomUUID())
                .when().post("/open311/v2/requests.xml").then().statusCode(201).contentType(containsString("text/xml"))
                .extract().asString());
        String id = posted.getString("service_requests.request.service_request_id");
        XmlPath got = new XmlPath(citizen().when().get("/open311/v2/requests/" + id + ".xml")
                .then().statusCode(200).extract().asString());
        assertEquals("open", got.getString("service_requests.request.status"));
        assertEquals("Thôn Nam", got.getString("service_requests.request.address"));
    }

    @Test
    void errorsComeInTheSpecFormatAndWriteNothing() {
        long before = feedbackRows();
        // no key, a wrong key
        citizen().contentType(Clients.FORM).formParam("service_code", "DAT_DAI")
                .formParam("jurisdiction_id", "phu-lien").formParam("description", "x").formParam("address_string", "y")
                .when().post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403)).body("[0].description", containsString("api_key"));
        citizen().contentType(Clients.FORM).formParam("api_key", "wrong").formParam("service_code", "DAT_DAI")
                .formParam("jurisdiction_id", "phu-lien").formParam("description", "x").formParam("address_string", "y")
                .when().post("/open311/v2/requests.xml").then().statusCode(403).contentType(containsString("text/xml"))
                .body("errors.error.code", equalTo("403"));
        // no location, unknown service, bad attribute value, bad phone, bad coordinates, unknown jurisdiction
        post(Map.of("service_code", "DAT_DAI", "description", "x")).then().statusCode(400)
                .body("[0].description", containsString("location"));
        post(Map.of("service_code", "NOPE", "description", "x", "address_string", "y")).then().statusCode(404)
                .body("[0].code", equalTo(404));
        post(Map.of("service_code", "DAT_DAI", "description", "x", "address_string", "y",
                "attribute[hinh_thuc_tra_loi]", "FAX")).then().statusCode(400)
                .body("[0].description", containsString("attribute[hinh_thuc_tra_loi]"));
        post(Map.of("service_code", "DAT_DAI", "description", "x", "address_string", "y", "phone", "123"))
                .then().statusCode(400).body("[0].description", containsString("phone"));
        post(Map.of("service_code", "DAT_DAI", "description", "x", "lat", "north", "long", "106"))
                .then().statusCode(400).body("[0].description", containsString("lat"));
        // longer than the column: refused before anything is written (no database error, no 500)
        post(Map.of("service_code", "DAT_DAI", "description", "x", "address_string", "y",
                "first_name", "Nguyễn".repeat(40))).then().statusCode(400)
                .body("[0].description", containsString("first_name"));
        citizen().contentType(Clients.FORM).formParam("api_key", apiKey).formParam("jurisdiction_id", "khong-co")
                .formParam("service_code", "DAT_DAI").formParam("description", "x").formParam("address_string", "y")
                .when().post("/open311/v2/requests.json").then().statusCode(404);
        citizen().contentType(ContentType.JSON).body("{}").when().post("/open311/v2/requests.json")
                .then().statusCode(415).body("[0].code", equalTo(415));
        assertEquals(before, feedbackRows());

        citizen().when().get("/open311/v2/services.json").then().statusCode(400)
                .body("[0].description", containsString("jurisdiction_id"));
        citizen().when().get("/open311/v2/requests/ZZZZ2222.xml").then().statusCode(404)
                .body("errors.error.description", containsString("not found"));
        citizen().when().get("/open311/v2/tokens/nope.json").then().statusCode(404);
        citizen().queryParam("jurisdiction_id", "phu-lien").queryParam("start_date", "yesterday")
                .when().get("/open311/v2/requests.json").then().statusCode(400);
        citizen().queryParam("jurisdiction_id", "phu-lien").when().get("/open311/v2/services.csv")
                .then().statusCode(400);
    }

    @Test
    void aRevokedKeyIsRefusedAndOnlyAdminsManageKeys() {
        Clients.officer("VP").contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post("/api/v1/admin/open311-clients").then().statusCode(403);
        Clients.staff("admin", null, "phu-lien").contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post("/api/v1/admin/open311-clients").then().statusCode(400)
                .body("violations.field", hasItem("ward"));
        var created = Clients.staff("admin", null, "phu-lien").contentType(ContentType.JSON)
                .body(Map.of("name", "Ứng dụng thử", "ward", "phu-lien"))
                .when().post("/api/v1/admin/open311-clients").then().statusCode(201).extract().jsonPath();
        // used once, so the key is held in memory when it is revoked
        citizen().contentType(Clients.FORM).formParam("api_key", created.getString("apiKey"))
                .formParam("service_code", "DAT_DAI").formParam("description", "Lấn chiếm lối đi chung")
                .formParam("address_string", "Thôn Đông").when().post("/open311/v2/requests.json").then()
                .statusCode(201);
        Clients.staff("admin", null, "an-lu").when().delete("/api/v1/admin/open311-clients/" + created.getString("id"))
                .then().statusCode(404);
        Clients.staff("admin", null, "phu-lien").when().delete("/api/v1/admin/open311-clients/" + created.getString("id"))
                .then().statusCode(200);
        citizen().contentType(Clients.FORM).formParam("api_key", created.getString("apiKey"))
                .formParam("service_code", "DAT_DAI").formParam("description", "x").formParam("address_string", "y")
                .when().post("/open311/v2/requests.json").then().statusCode(403);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyMakesOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, String> fields = Map.of("service_code", "DAT_DAI", "address_string", "Thôn Đông",
                "description", "Lấn chiếm đất công ở thôn Đông " + UUID.randomUUID());
        long before = feedbackRows();
        // the app retries at once, several times, while the first attempt may still be in the same batch
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.Callable<String> attempt = () -> post(fields, key).then().statusCode(201)
                    .extract().jsonPath().getString("[0].service_request_id");
            var answers = pool.invokeAll(java.util.Collections.nCopies(4, attempt));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var a : answers) {
                ids.add(a.get());
            }
            assertEquals(1, ids.size(), "one request id for every retry: " + ids);
            String again = post(fields, key).then().statusCode(201).extract().path("[0].service_request_id");
            assertEquals(ids.iterator().next(), again);
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, feedbackRows());
        // the same key with another request is refused in Open311's format, and writes nothing
        post(Map.of("service_code", "DAT_DAI", "address_string", "Thôn Đông", "description", "khác hẳn"), key)
                .then().statusCode(400).body("[0].code", equalTo(400))
                .body("[0].description", containsString("Idempotency-Key"));
        assertEquals(before + 1, feedbackRows());
    }

    @Test
    void thePostDoorIsRateLimitedInOpen311Format() {
        long before = feedbackRows();
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 10; i++) {
            var r = io.restassured.RestAssured.given().header("X-Forwarded-For", "203.0.113.31")
                    .contentType(Clients.FORM).formParam("api_key", apiKey).formParam("jurisdiction_id", "phu-lien")
                    .formParam("service_code", "DAT_DAI").formParam("address_string", "Thôn Bắc")
                    .formParam("description", "Phản ánh " + i + " " + UUID.randomUUID())
                    .when().post("/open311/v2/requests.xml");
            if (r.statusCode() == 429) {
                limited++;
                assertEquals("429", new XmlPath(r.asString()).getString("errors.error.code"));
                assertEquals(true, Integer.parseInt(r.header("Retry-After")) >= 1);
            } else {
                assertEquals(201, r.statusCode(), r.asString());
                created++;
            }
        }
        assertEquals(true, limited >= 4, "burst is 5 in tests; limited " + limited);
        assertEquals(before + created, feedbackRows(), "a refused request writes nothing");
    }

    private io.restassured.response.Response post(Map<String, String> fields, String idempotencyKey) {
        var spec = citizen().header("Idempotency-Key", idempotencyKey).contentType(Clients.FORM)
                .formParam("api_key", apiKey).formParam("jurisdiction_id", "phu-lien");
        fields.forEach(spec::formParam);
        return spec.when().post("/open311/v2/requests.json");
    }

    private io.restassured.response.Response post(Map<String, String> fields) {
        var spec = citizen().contentType(Clients.FORM).formParam("api_key", apiKey)
                .formParam("jurisdiction_id", "phu-lien");
        fields.forEach(spec::formParam);
        return spec.when().post("/open311/v2/requests.json");
    }
}
