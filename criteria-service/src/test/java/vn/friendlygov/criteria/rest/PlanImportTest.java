package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.outbox.OutboxEvent;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.parse.SeedPlan;
import vn.friendlygov.criteria.task.TaskHistoryEntry;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class PlanImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void importsTheSeedPlanThenReimportingChangesNothing() {
        String ward = "import-text";
        var first = given().auth().oauth2(TestTokens.token("leader", "VP", ward))
                .contentType("text/plain; charset=utf-8").body(SeedPlan.text().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import?ward=" + ward + "&year=2026")
                .then().statusCode(201)
                .body("plan", equalTo(ward + "-2026"))
                .body("firstImport", equalTo(true))
                .body("title", equalTo("Phụ lục chi tiết phân công triển khai thực hiện các tiêu chí thực hiện mô hình "
                        + "“Chính quyền thân thiện”"))
                .body("rows.read", equalTo(86)).body("rows.criteria", equalTo(4)).body("rows.groups", equalTo(7))
                .body("rows.items", equalTo(75)).body("rows.separators", equalTo(6))
                .body("items.created", equalTo(86))
                .body("tasks.created", equalTo(303))
                .body("indicators.created", equalTo(8))
                .body("issues.findAll { it.severity == 'WARNING' }.line", equalTo(List.of(58, 117)))
                .extract();
        long outbox = outboxFor(ward);
        assertEquals(303, outbox, "one task.created event per task");

        given().auth().oauth2(TestTokens.token("admin", null, ward)).contentType("text/plain; charset=utf-8")
                .body(SeedPlan.text().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import?ward=" + ward + "&year=2026")
                .then().statusCode(200)
                .body("firstImport", equalTo(false)).body("changed", equalTo(false))
                .body("items.unchanged", equalTo(86)).body("tasks.unchanged", equalTo(303))
                .body("tasks.created", equalTo(0)).body("tasks.updated", equalTo(0))
                .body("indicators.unchanged", equalTo(8))
                .body("sourceSha256", equalTo(first.path("sourceSha256")));
        assertEquals(outbox, outboxFor(ward), "re-importing publishes nothing");
    }

    @Test
    void readsTheSamePlanFromAWorkbookAndFromAMultipartForm() throws IOException {
        byte[] xlsx = workbook(SeedPlan.text());
        given().auth().oauth2(TestTokens.token("leader", "VP", "import-xlsx")).contentType(XLSX).body(xlsx)
                .when().post("/api/v1/plans/import?ward=import-xlsx&year=2026")
                .then().statusCode(201)
                .body("rows.read", equalTo(86)).body("rows.groups", equalTo(7)).body("rows.separators", equalTo(6))
                .body("tasks.created", equalTo(303)).body("indicators.created", equalTo(8))
                .body("issues.findAll { it.severity == 'WARNING' }.size()", equalTo(2));
        given().auth().oauth2(TestTokens.token("leader", "VP", "import-form"))
                .multiPart("file", "ke-hoach.xlsx", xlsx, XLSX)
                .when().post("/api/v1/plans/import?ward=import-form&year=2026")
                .then().statusCode(201).body("tasks.created", equalTo(303));
        // the tree read from the workbook is the same as from the text, Vietnamese intact
        given().auth().oauth2(TestTokens.token("officer", "KT", "import-xlsx"))
                .when().get("/api/v1/plans/import-xlsx-2026/criteria")
                .then().statusCode(200)
                .body("size()", equalTo(4))
                .body("[1].children[6].title", equalTo("Chính quyền cấp xã thường xuyên khảo sát đánh giá việc thực "
                        + "hiện chính quyền thân thiện để rút kinh nghiệm, hoàn thiện các tiêu chí và nâng hạng mức độ "
                        + "đạt chuẩn"))
                .body("[1].children[6].children[1].timeFrame", equalTo("Quý IV"))
                .body("[1].children[6].children[1].timeFrameRaw", equalTo("Quy IV"));
    }

    @Test
    void aCorrectedPlanUpdatesInPlaceAndKeepsTaskHistory() {
        String ward = "import-corrected";
        SeedImports.importSeed(ward);
        // the corrected plan moves the Q1 suggestion-box item to Q2 and fixes the "Bổ trí" spelling in its title
        String original = "- Bổ trí hòm thư góp ý tại trụ sở chính quyền xã, nơi sinh hoạt cộng đồng tại các thôn.\tQuý I";
        assertTrue(SeedPlan.text().contains(original));
        String corrected = SeedPlan.text().replace(original,
                "- Bố trí hòm thư góp ý tại trụ sở chính quyền xã, nơi sinh hoạt cộng đồng tại các thôn.\tQuý II");
        String taskId = QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.<TaskOccurrence>find(
                "planCode = ?1 and title like 'Bổ trí hòm thư%'", ward + "-2026").singleResult().id.toString());

        SeedImports.importText(ward, corrected);
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain; charset=utf-8")
                .body(corrected.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import?ward=" + ward + "&year=2026")
                .then().statusCode(200).body("changed", equalTo(false));

        given().auth().oauth2(TestTokens.token("officer", "VP", ward)).when().get("/api/v1/tasks/" + taskId)
                .then().statusCode(200)
                .body("title", equalTo("Bố trí hòm thư góp ý tại trụ sở chính quyền xã, nơi sinh hoạt cộng đồng tại các thôn."))
                .body("dueDate", equalTo("2026-06-30")).body("periodStart", equalTo("2026-04-01"));
        List<TaskHistoryEntry> history = QuarkusTransaction.requiringNew().call(() ->
                TaskHistoryEntry.list("taskId = ?1 order by occurredAt", java.util.UUID.fromString(taskId)));
        assertEquals(List.of("CREATE", "UPDATE"), history.stream().map(h -> h.action).toList());
        long items = QuarkusTransaction.requiringNew().call(() -> PlanItem.count("planCode", ward + "-2026"));
        assertEquals(86, items, "updated in place, not added");
    }

    @Test
    void refusedImportsAnswerWithProblemsAndChangeNothing() {
        String ward = "import-refused";
        byte[] body = SeedPlan.text().getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/plans/import?ward=" + ward + "&year=2026";
        given().contentType("text/plain").body(body).when().post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token("officer", "VP", ward)).contentType("text/plain").body(body)
                .when().post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("leader", "VP", "another-ward")).contentType("text/plain").body(body)
                .when().post(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain").body(body)
                .when().post("/api/v1/plans/import?ward=" + ward + "&year=26").then().statusCode(400)
                .body("violations.field", hasItem("year"));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain").body(body)
                .when().post("/api/v1/plans/import?year=2026").then().statusCode(400)
                .body("violations.field", hasItem("ward"));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain")
                .body("chỉ là một dòng chữ".getBytes(StandardCharsets.UTF_8))
                .when().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("file"));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain")
                .body(new byte[] {(byte) 0xC3, (byte) 0x28}).when().post(path).then().statusCode(400)
                .body("violations.message", hasItem("the text export must be UTF-8"));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType(XLSX)
                .body("not a workbook".getBytes(StandardCharsets.UTF_8)).when().post(path).then().statusCode(400)
                .body("violations.field", hasItem("file"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PlanItem.count("planCode", ward + "-2026")));
        assertEquals(0L, outboxFor(ward));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).when().get("/api/v1/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    static long outboxFor(String ward) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("ward", ward));
    }

    /** The workbook form of the plan: the same six columns, one row per line of the export. */
    static byte[] workbook(String text) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Phụ lục");
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                // text rows without the TT cell get an empty one, as the workbook always has the column
                if (cells.length == 5) {
                    String[] shifted = new String[6];
                    shifted[0] = "";
                    System.arraycopy(cells, 0, shifted, 1, 5);
                    cells = shifted;
                }
                Row row = sheet.createRow(i);
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void unitsAreTheFiveCanonicalOnes() {
        given().auth().oauth2(TestTokens.token("officer", "KT", "phu-lien")).when().get("/api/v1/units")
                .then().statusCode(200)
                .body("code", equalTo(List.of("VHXH", "TTPVHCC", "VP", "KT", "TTDVSNC")))
                .body("name[0]", equalTo("Phòng Văn hóa - Xã hội"));
        assertFalse(given().when().get("/api/v1/units").then().extract().statusCode() == 200);
    }
}
