package vn.friendlygov.criteria.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;

/**
 * Criterion 4 of the real plan has 46 tasks; 18 are due by 31 March (9 Quý I items and the first quarter of its 9
 * ongoing items). Approving 6 of those gives T = 6/18 and, with none of its 3 indicators measured, a score of
 * round(100 × (0.7 × 1/3 + 0.3 × 0)) = 23.
 */
@QuarkusTest
class ProgressTest {

    static final String WARD = "progress-ward";
    static final String PLAN = WARD + "-2026";
    static final String LEADER = TestTokens.token("leader", "VP", WARD);

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    static void approve(String id) {
        for (String a : List.of("start", "submit", "approve")) {
            given().auth().oauth2(LEADER).contentType(ContentType.JSON).body("{\"action\":\"" + a + "\"}")
                    .post("/api/v1/tasks/" + id + "/transitions").then().statusCode(200);
        }
    }

    @Test
    void showsTasksByStateOverdueApprovedShareKpisAndScore() {
        List<String> q1 = QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.<TaskOccurrence>list(
                "planCode = ?1 and criterionCode = 'TC4' and dueDate <= ?2 order by title", PLAN,
                java.time.LocalDate.of(2026, 3, 31)).stream().map(t -> t.id.toString()).toList());
        assertEquals(18, q1.size());
        for (String id : q1.subList(0, 6)) {
            approve(id);
        }
        given().auth().oauth2(TestTokens.token("officer", "KT", WARD)).queryParam("asOf", "2026-04-01")
                .when().get("/api/v1/plans/" + PLAN + "/progress").then().statusCode(200)
                .body("total.total", equalTo(303))
                .body("total.byStatus.APPROVED", equalTo(6))
                .body("criteria.code", equalTo(List.of("TC1", "TC2", "TC3", "TC4")))
                .body("criteria[3].title", equalTo("CHÍNH QUYỀN XANH, VĂN MINH, HIỆN ĐẠI"))
                .body("criteria[3].tasks.total", equalTo(46))
                .body("criteria[3].tasks.due", equalTo(18))
                .body("criteria[3].tasks.approvedDue", equalTo(6))
                .body("criteria[3].kpis.noData", equalTo(3))
                .body("criteria[3].score", equalTo(23))
                .body("criteria[0].kpis.noData", equalTo(1))
                .body("units.code", equalTo(List.of("VHXH", "TTPVHCC", "VP", "KT", "TTDVSNC")))
                .body("units.find { it.code == 'KT' }.tasks.total", equalTo(2))
                .body("items.size()", equalTo(30)) // top-level items with tasks: 3 + 8 + 12 + 7
                .body("items.find { it.key == '4.3' }.tasks.total", equalTo(6));
    }

    @Test
    void exportsTheStatusTableAsCsvAndXlsxWithVietnameseIntact() throws Exception {
        byte[] csv = given().auth().oauth2(LEADER).queryParam("format", "csv").queryParam("asOf", "2026-04-01")
                .when().get("/api/v1/plans/" + PLAN + "/progress/export").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"tien-do-" + PLAN + ".csv\"")
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFCấp,Mã,Nội dung,Chưa thực hiện"), text.substring(0, 60));
        assertTrue(text.contains("Tiêu chí,TC1,\"CHÍNH QUYỀN CÔNG KHAI, MINH BẠCH\",33,0,0,0,0,0,0,0.0,0\r\n"), text);
        assertTrue(text.contains("Đơn vị,TTDVSNC,Trung tâm Dịch vụ sự nghiệp công,"), text);
        assertTrue(text.contains("Nội dung,1.2,Hình thức công khai đa dạng,"), text);

        byte[] xlsx = given().auth().oauth2(LEADER).queryParam("format", "xlsx")
                .when().get("/api/v1/plans/" + PLAN + "/progress/export").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("Nội dung", s.getRow(0).getCell(2).getStringCellValue());
            assertEquals("CHÍNH QUYỀN CÔNG KHAI, MINH BẠCH", s.getRow(1).getCell(2).getStringCellValue());
            assertEquals(33.0, s.getRow(1).getCell(3).getNumericCellValue() + s.getRow(1).getCell(4).getNumericCellValue()
                    + s.getRow(1).getCell(5).getNumericCellValue() + s.getRow(1).getCell(6).getNumericCellValue()
                    + s.getRow(1).getCell(7).getNumericCellValue() + s.getRow(1).getCell(8).getNumericCellValue());
        }
        given().auth().oauth2(LEADER).queryParam("format", "pdf")
                .when().get("/api/v1/plans/" + PLAN + "/progress/export").then().statusCode(400);
        given().auth().oauth2(TestTokens.token("leader", "VP", "other")).when()
                .get("/api/v1/plans/" + PLAN + "/progress").then().statusCode(403);
    }
}
