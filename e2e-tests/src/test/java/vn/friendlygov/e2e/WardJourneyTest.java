package vn.friendlygov.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.friendlygov.testsupport.TestTokens;

/**
 * The four packaged services together, as a ward uses them: the plan imported into criteria-service becomes tasks that
 * evidence-service accepts proof for; the proof moves the task in criteria-service; a citizen's feedback reaches the
 * routed unit's inbox once, is answered and tracked; a Fatherland Front collection entered in feedback-service counts
 * for the plan's weekly-collection indicator in criteria-service. Every hop crosses the real broker.
 */
class WardJourneyTest {

    static final String WARD = "phu-lien";
    static final String PLAN = WARD + "-2026";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);

    static ServiceProcess criteria;
    static ServiceProcess evidence;
    static ServiceProcess feedback;
    static ServiceProcess notification;

    @BeforeAll
    static void startServices() throws Exception {
        Map<String, String> common = ServiceProcess.platform();
        criteria = ServiceProcess.start("criteria-service", common);
        evidence = ServiceProcess.start("evidence-service", with(common, "evidence.storage.directory",
                Files.createTempDirectory(Path.of("target"), "e2e-evidence").toAbsolutePath().toString()));
        feedback = ServiceProcess.start("feedback-service", common);
        notification = ServiceProcess.start("notification-service", common);

        byte[] plan = Files.readAllBytes(Path.of(System.getProperty("e2e.services.dir", ".."))
                .resolve("seeds/ke-hoach-chinh-quyen-than-thien-phu-lien-2026.txt"));
        given().auth().oauth2(LEADER).contentType("text/plain; charset=utf-8").body(plan)
                .when().post(criteria.url("/api/v1/plans/import?ward=" + WARD + "&year=2026"))
                .then().statusCode(201);
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        var m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess s : new ServiceProcess[] {criteria, evidence, feedback, notification}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void evidenceUploadedForAnImportedTaskStartsTheTask() throws IOException {
        String officer = TestTokens.token("officer", "VHXH", WARD);
        String taskId = given().auth().oauth2(officer)
                .when().get(criteria.url("/api/v1/plans/" + PLAN + "/tasks?unit=VHXH&status=TODO&size=1"))
                .then().statusCode(200).extract().path("items[0].id");
        Path pdf = Files.createTempFile(Path.of("target"), "bien-ban", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.US_ASCII);

        // evidence-service learns the plan's tasks from criteria's events: until then the task is unknown (404)
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(officer)
                .multiPart("kind", "DOCUMENT")
                .multiPart("title", "Biên bản kiểm tra", "text/plain; charset=UTF-8") // RestAssured's default is Latin-1
                .multiPart("files", "Biên bản kiểm tra.pdf", Files.readAllBytes(pdf), "application/pdf")
                .when().post(evidence.url("/api/v1/tasks/" + taskId + "/evidence"))
                .then().extract().statusCode() == 201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer)
                .when().get(criteria.url("/api/v1/tasks/" + taskId))
                .then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("evidenceCount", equalTo(1)));
        // the reviewers' unit is told there is proof to review
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer)
                .when().get(notification.url("/api/v1/inbox?limit=500"))
                .then().statusCode(200)
                .body("items.findAll { it.kind == 'EVIDENCE_TO_REVIEW' }.title",
                        equalTo(List.of("Minh chứng chờ duyệt: Biên bản kiểm tra"))));
    }

    @Test
    void aCitizensFeedbackReachesTheRoutedUnitOnceAndItsAnswerReachesTheCitizen() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("ward", WARD, "category", "MOI_TRUONG",
                "content", "Rác thải ùn ứ ở đầu ngõ 12 thôn Đông", "name", "Trần Thị Bình", "phone", "0912 345 678");
        String code = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(feedback.url("/api/v1/feedback"))
                .then().statusCode(201).extract().path("trackingCode");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(feedback.url("/api/v1/feedback"))
                .then().statusCode(201).extract().path("trackingCode");
        assertEquals(code, again, "a retried submission is the same case");

        String officer = TestTokens.token("officer", "KT", WARD); // MOI_TRUONG is routed to Phòng Kinh tế
        String mine = "items.findAll { it.kind == 'FEEDBACK_ASSIGNED' && it.title.contains('" + code + "') }";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(officer)
                .when().get(notification.url("/api/v1/inbox?limit=500"))
                .then().statusCode(200).body(mine + ".size()", equalTo(1)));

        String id = given().auth().oauth2(officer).when().get(feedback.url("/api/v1/staff/feedback"))
                .then().statusCode(200).extract().path("find { it.trackingCode == '" + code + "' }.id");
        given().auth().oauth2(officer).when().post(feedback.url("/api/v1/staff/feedback/" + id + "/start"))
                .then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("answer", "Tổ vệ sinh môi trường đã thu gom xong rác tại đầu ngõ 12."))
                .when().post(feedback.url("/api/v1/staff/feedback/" + id + "/answer"))
                .then().statusCode(200);

        given().when().get(feedback.url("/api/v1/feedback/track/" + code))
                .then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer", equalTo("Tổ vệ sinh môi trường đã thu gom xong rác tại đầu ngõ 12."));
        // still one notification for the unit after the later events of the case
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(officer)
                .when().get(notification.url("/api/v1/inbox?limit=500")).then().extract()
                .<List<?>>path("items.findAll { it.title.contains('" + code + "') }").size() >= 1);
        given().auth().oauth2(officer).when().get(notification.url("/api/v1/inbox?limit=500"))
                .then().body(mine + ".size()", equalTo(1));
    }

    @Test
    void aFatherlandFrontCollectionCountsForThePlansWeeklyIndicator() {
        String leaderOfFront = TestTokens.token("officer", "VP", WARD);
        given().auth().oauth2(leaderOfFront).contentType(ContentType.JSON)
                .body(Map.of("channel", "FATHERLAND_FRONT", "collectionDate", "2026-03-04",
                        "source", "Ủy ban MTTQ phường",
                        "items", List.of(Map.of("content", "Đề nghị lắp đèn chiếu sáng đường liên thôn", "category", "MOI_TRUONG"),
                                Map.of("content", "Góp ý về giờ tiếp công dân", "category", "KHAC"))))
                .when().post(feedback.url("/api/v1/staff/feedback-batches"))
                .then().statusCode(201).body("count", equalTo(2));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(LEADER)
                .when().get(criteria.url("/api/v1/plans/" + PLAN + "/indicators"))
                .then().statusCode(200)
                .body("find { it.code == 'FEEDBACK_COLLECTION_WEEKLY' }.periods.findAll { it.status == 'MET' }.size()",
                        greaterThanOrEqualTo(1)));
    }

    @Test
    void aCommuneInTheCitysRegistryIssuesItsLettersAsACommune() throws IOException {
        String commune = "tan-tien";
        given().auth().oauth2(TestTokens.token("admin", null, null)).contentType(ContentType.JSON)
                .body("{\"kind\":\"XA\",\"name\":\"Tân Tiến\",\"province\":\"Thành phố Hải Phòng\"}")
                .when().put(criteria.url("/api/v1/wards/" + commune)).then().statusCode(201);
        String officer = TestTokens.token("officer", "VP", commune);
        String letter = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "THANKS", "recipientName", "Bà Lê Thị Mận", "body", "Xin trân trọng cảm ơn Bà."))
                .when().post(notification.url("/api/v1/letters")).then().statusCode(201).extract().path("id");

        // the registry's event crosses the broker; until it arrives the letter would say "PHƯỜNG"
        await().atMost(Duration.ofSeconds(60)).until(() -> pdfText(officer, letter).contains("XÃ TÂN TIẾN"));
        String text = pdfText(officer, letter);
        assertTrue(text.contains("Tân Tiến, ngày"), text);
        assertFalse(text.contains("PHƯỜNG"), text);
    }

    static String pdfText(String token, String letter) throws IOException {
        byte[] pdf = given().auth().oauth2(token).when().get(notification.url("/api/v1/letters/" + letter + "/pdf"))
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
