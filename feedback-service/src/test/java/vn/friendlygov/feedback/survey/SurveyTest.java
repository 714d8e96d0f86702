package vn.friendlygov.feedback.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.citizen;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class SurveyTest {

    static final String BASE = "/api/v1/wards/phu-lien/surveys";

    @Test
    void aSurveyIsDefinedAnsweredOnlineAndOnPaperAndSummarisedAsXlsx() throws Exception {
        Map<String, Object> definition = Map.of("code", "KS-2026-1",
                "title", "Khảo sát mức độ hài lòng của người dân 6 tháng đầu năm 2026",
                "questions", List.of(
                        Map.of("code", "hai_long", "text", "Ông/bà hài lòng với việc giải quyết thủ tục?",
                                "type", "SCALE", "required", true),
                        Map.of("code", "thai_do", "text", "Thái độ của cán bộ tiếp dân",
                                "type", "CHOICE", "options", List.of("Thân thiện", "Bình thường", "Chưa thân thiện")),
                        Map.of("code", "y_kien", "text", "Ý kiến khác", "type", "TEXT")));
        Clients.officer("VHXH").contentType(ContentType.JSON).body(definition).when().post(BASE)
                .then().statusCode(403);
        Clients.staff("leader", "VP", "an-lu").contentType(ContentType.JSON).body(definition).when().post(BASE)
                .then().statusCode(403);
        Clients.leader().contentType(ContentType.JSON).body(definition).when().post(BASE).then().statusCode(201);
        Clients.leader().contentType(ContentType.JSON).body(definition).when().post(BASE).then().statusCode(409);

        citizen().when().get(BASE + "/KS-2026-1").then().statusCode(200)
                .body("questions.code", equalTo(List.of("hai_long", "thai_do", "y_kien")));

        long before = responses();
        citizen().contentType(ContentType.JSON).body(Map.of("answers", Map.of("hai_long", "7", "thai_do", "Tuyệt")))
                .when().post(BASE + "/KS-2026-1/responses").then().statusCode(400)
                .body("violations.field", hasItems("answers.hai_long", "answers.thai_do"));
        citizen().contentType(ContentType.JSON).body(Map.of("answers", Map.of("thai_do", "Thân thiện", "x", "1")))
                .when().post(BASE + "/KS-2026-1/responses").then().statusCode(400)
                .body("violations.field", hasItems("answers.hai_long", "answers.x"));
        assertEquals(before, responses());

        citizen().contentType(ContentType.JSON).header("Idempotency-Key", "ks-1-a")
                .body(Map.of("answers", Map.of("hai_long", "5", "thai_do", "Thân thiện")))
                .when().post(BASE + "/KS-2026-1/responses").then().statusCode(201);
        citizen().contentType(ContentType.JSON).header("Idempotency-Key", "ks-1-a")
                .body(Map.of("answers", Map.of("hai_long", "5", "thai_do", "Thân thiện")))
                .when().post(BASE + "/KS-2026-1/responses").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        citizen().contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("hai_long", "4", "y_kien", "Nên có ghế chờ")))
                .when().post(BASE + "/KS-2026-1/responses").then().statusCode(201);
        // paper forms typed with combining marks
        String nfd = Normalizer.normalize("Bình thường", Normalizer.Form.NFD);
        Clients.officer("VHXH").contentType(ContentType.JSON).body(Map.of("forms", List.of(
                        Map.of("answers", Map.of("hai_long", "3", "thai_do", nfd)),
                        Map.of("answers", Map.of("hai_long", "2", "thai_do", "Chưa thân thiện")))))
                .when().post(BASE + "/KS-2026-1/paper-responses").then().statusCode(201).body("count", equalTo(2));
        Clients.officer("VHXH").contentType(ContentType.JSON).body(Map.of("forms", List.of(
                        Map.of("answers", Map.of("hai_long", "3")), Map.of("answers", Map.of("hai_long", "0")))))
                .when().post(BASE + "/KS-2026-1/paper-responses").then().statusCode(400)
                .body("violations.field", equalTo(List.of("forms[1].answers.hai_long")));
        assertEquals(before + 4, responses());

        Clients.staff("reviewer", "VHXH", "phu-lien").when().get(BASE + "/KS-2026-1/summary").then().statusCode(200)
                .body("responses", equalTo(4)).body("online", equalTo(2)).body("paper", equalTo(2))
                .body("averages.hai_long", equalTo(3.5f))
                .body("lines.find { it.questionCode == 'thai_do' && it.answer == 'Bình thường' }.count", equalTo(1))
                .body("lines.find { it.questionCode == 'hai_long' && it.answer == '5' }.percent", equalTo(25.0f))
                .body("lines.find { it.questionCode == 'y_kien' }.count", equalTo(1));
        Clients.staff("reviewer", "VHXH", "an-lu").when().get(BASE + "/KS-2026-1/summary").then().statusCode(403);

        byte[] xlsx = Clients.leader().when().get(BASE + "/KS-2026-1/summary.xlsx").then().statusCode(200)
                .contentType(SurveyResource.XLSX).extract().asByteArray();
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(sheet.contains("BẢNG TỔNG HỢP KẾT QUẢ KHẢO SÁT"));
        assertTrue(sheet.contains("<t xml:space=\"preserve\">Bình thường</t></is></c><c r=\"D"), "NFC, with its count");
        assertFalse(sheet.contains(nfd));
        assertTrue(sheet.contains("<v>3.5</v>"), "the average");

        var events = TopicProbe.readUntil("feedback.survey-events.v1", Duration.ofSeconds(30), rs -> rs.size() >= 4);
        assertTrue(events.size() >= 4);
        assertTrue(events.stream().allMatch(r -> !r.value().contains("Thân thiện") && !r.value().contains("ghế")));
        assertTrue(events.stream().anyMatch(r -> r.value().contains("\"channel\":\"PAPER\"")));
    }

    @Test
    void badDefinitionsAreRefused() {
        Clients.leader().contentType(ContentType.JSON).body(Map.of("code", "KS-BAD", "title", "x",
                "questions", List.of(Map.of("code", "a", "text", "A", "type", "CHOICE", "options", List.of("x")),
                        Map.of("code", "a", "text", "B", "type", "SCALE"))))
                .when().post(BASE).then().statusCode(400)
                .body("violations.field", hasItems("questions[0].options", "questions[1].code"));
        Clients.leader().contentType(ContentType.JSON).body(Map.of("code", "ks lower", "title", "x",
                "questions", List.of()))
                .when().post(BASE).then().statusCode(400).body("violations.field", hasItems("code", "questions"));
        citizen().when().get(BASE + "/NOPE").then().statusCode(404);
    }

    private static long responses() {
        return QuarkusTransaction.requiringNew().call(() -> SurveyResponse.count());
    }
}
