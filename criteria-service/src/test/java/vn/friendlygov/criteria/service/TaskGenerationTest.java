package vn.friendlygov.criteria.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.criteria.SeedImports;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/**
 * The 2026 task occurrences of the real plan. Expected numbers, from reading the plan: 69 leaf items, one of them with
 * two lead units (70 unit streams): 2 weekly items (53 ISO weeks each: 106), 1 monthly (12), the greetings item
 * (5 occasions in holidays-2026.csv), 1 yearly ("Hàng năm"), 27 deadline items (Cả năm, Quý I, Quý IV, Trước 1/12) and
 * 38 ongoing streams without a frequency, one per quarter (152): 303 in all.
 */
@QuarkusTest
class TaskGenerationTest {

    static final String WARD = "phu-lien";
    static final String PLAN = "phu-lien-2026";

    @BeforeEach
    void importPlan() {
        SeedImports.importSeedOnce(WARD);
    }

    static List<TaskOccurrence> tasks(String where, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> TaskOccurrence.<TaskOccurrence>list(
                "planCode = '" + PLAN + "'" + (where.isEmpty() ? "" : " and " + where) + " order by dueDate, leadUnit",
                params));
    }

    static List<LocalDate> dues(String titleStart) {
        return tasks("title like ?1", titleStart + "%").stream().map(t -> t.dueDate).toList();
    }

    @Test
    void countsOccurrencesByKindOfSchedule() {
        Map<String, Long> byRecurrence = new TreeMap<>(tasks("").stream()
                .collect(Collectors.groupingBy(t -> t.recurrence.name(), Collectors.counting())));
        assertEquals(new TreeMap<>(Map.of("HOLIDAY", 5L, "MONTHLY", 12L, "ONCE", 27L, "ONGOING", 152L,
                "WEEKLY", 106L, "YEARLY", 1L)), byRecurrence);
        Map<String, Long> byCriterion = new TreeMap<>(tasks("").stream()
                .collect(Collectors.groupingBy(t -> t.criterionCode, Collectors.counting())));
        assertEquals(new TreeMap<>(Map.of("TC1", 33L, "TC2", 103L, "TC3", 121L, "TC4", 46L)), byCriterion);
    }

    @Test
    void deadlineItemsAreDueAtTheEndOfTheirTimeFrame() {
        // Quý I → 31 March
        assertEquals(List.of(LocalDate.of(2026, 3, 31)), dues("Có camera giám sát"));
        // Cả năm → 31 December
        assertEquals(List.of(LocalDate.of(2026, 12, 31)), dues("Công khai lịch công tác của UBND xã"));
        // Trước 1/12 → 30 November
        assertEquals(List.of(LocalDate.of(2026, 11, 30)), dues("Không có cán bộ, công chức bị xử lý kỷ luật"));
        // "Quy IV" → the fourth quarter, due 31 December
        TaskOccurrence q4 = tasks("title like ?1", "Khảo sát, đánh giá sự hài lòng của người dân về kết quả%").get(0);
        assertEquals(LocalDate.of(2026, 10, 1), q4.periodStart);
        assertEquals(LocalDate.of(2026, 12, 31), q4.dueDate);
        // "Hàng năm" without a time frame → one yearly task
        assertEquals(List.of(LocalDate.of(2026, 12, 31)), dues("Hàng năm, đơn vị có mô hình sáng tạo"));
        // the weekly frequency inside a Quý I item does not make it weekly: one task by 31 March
        assertEquals(List.of(LocalDate.of(2026, 3, 31)), dues("Ủy ban nhân dân cấp xã xây dựng cơ chế tiếp nhận"));
    }

    @Test
    void recurringItemsHaveOneOccurrencePerWeekMonthQuarterOrHoliday() {
        List<TaskOccurrence> weekly = tasks("title like ?1", "Ít nhất 1 lần/tuần, cấp ủy%");
        assertEquals(53, weekly.size());
        assertEquals(LocalDate.of(2026, 1, 1), weekly.get(0).periodStart);
        assertEquals(LocalDate.of(2026, 1, 4), weekly.get(0).dueDate, "ISO week 1 ends on Sunday 4 January");
        assertEquals(LocalDate.of(2026, 1, 11), weekly.get(1).dueDate);
        assertEquals(LocalDate.of(2026, 12, 28), weekly.get(52).periodStart);
        assertEquals(LocalDate.of(2026, 12, 31), weekly.get(52).dueDate, "the last week is clipped to the year");
        assertTrue(weekly.get(9).title.endsWith("(tuần 10)"), weekly.get(9).title);

        List<LocalDate> monthly = dues("Ít nhất 1 tháng/lần, người đứng đầu");
        assertEquals(12, monthly.size());
        assertEquals(LocalDate.of(2026, 1, 31), monthly.get(0));
        assertEquals(LocalDate.of(2026, 2, 28), monthly.get(1));
        assertEquals(LocalDate.of(2026, 12, 31), monthly.get(11));

        assertEquals(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 12, 31)), dues("Đăng tải trên Cổng thông tin điện tử"));

        List<TaskOccurrence> greetings = tasks("recurrence = 'HOLIDAY'");
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 4, 26),
                LocalDate.of(2026, 4, 30), LocalDate.of(2026, 9, 1)), greetings.stream().map(t -> t.dueDate).toList());
        assertEquals(LocalDate.of(2026, 2, 22), greetings.get(1).periodEnd, "Tết break 14–22/2");
        assertTrue(greetings.get(1).title.endsWith("(Tết Nguyên Đán Bính Ngọ)"), greetings.get(1).title);
        assertEquals("VP", greetings.get(0).leadUnit);
        assertEquals("TTDVSNC", greetings.get(0).coordinatingUnits);
    }

    @Test
    void aRowWithTwoLeadUnitsGivesEachUnitItsOwnOccurrences() {
        List<TaskOccurrence> law = tasks("title like ?1", "Luật Thực hiện dân chủ ở cơ sở%");
        assertEquals(8, law.size());
        assertEquals(Map.of("VHXH", 4L, "VP", 4L),
                law.stream().collect(Collectors.groupingBy(t -> t.leadUnit, Collectors.counting())));
        assertEquals("Văn bản triển khai thực hiện", law.get(0).expectedEvidence);
    }

    @Test
    void taskListFiltersByUnitStatusDueDatesAndAccentInsensitiveText() {
        String officer = TestTokens.token("officer", "VP", WARD);
        given().auth().oauth2(officer)
                .queryParam("unit", "VP").queryParam("status", "TODO")
                .queryParam("dueFrom", "2026-03-01").queryParam("dueTo", "2026-03-31").queryParam("size", 500)
                .when().get("/api/v1/plans/" + PLAN + "/tasks")
                .then().statusCode(200)
                .body("items.leadUnit", everyItem(equalTo("VP")))
                .body("total", equalTo(tasks("leadUnit = 'VP' and dueDate between ?1 and ?2",
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)).size()));
        given().auth().oauth2(officer).queryParam("q", "CONG KHAI lich cong tac")
                .when().get("/api/v1/plans/" + PLAN + "/tasks")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("Công khai lịch công tác của UBND xã"))
                .body("items[0].coordinatingUnits", equalTo(List.of("KT", "TTDVSNC", "TTPVHCC", "VHXH")))
                .body("items[0].periodStart", equalTo("2026-01-01"))
                .body("items[0].recurrence", equalTo("ONCE"));
        given().auth().oauth2(officer).queryParam("q", "hòm thư")
                .when().get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(officer).queryParam("status", "LOST")
                .when().get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(officer).queryParam("dueFrom", "1/3/2026")
                .when().get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("dueFrom"));
        given().auth().oauth2(TestTokens.token("officer", "VP", "an-lu"))
                .when().get("/api/v1/plans/" + PLAN + "/tasks").then().statusCode(403);
        given().auth().oauth2(officer).when().get("/api/v1/plans/nowhere-2026/tasks").then().statusCode(404);
    }

    @Test
    void createdEventsCarryTheContractFields() throws Exception {
        TaskOccurrence t = tasks("title like ?1", "Ít nhất 1 tháng/lần, người đứng đầu%").get(2);
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil("criteria.task-events.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> r.key().equals(t.id.toString())));
        ConsumerRecord<String, String> r = records.stream().filter(x -> x.key().equals(t.id.toString()))
                .findFirst().orElseThrow();
        assertEquals("vn.friendlygov.criteria.task.created.v1",
                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
        JsonNode data = new ObjectMapper().readTree(r.value());
        assertEquals(PLAN, data.get("planCode").asText());
        assertEquals(t.itemId.toString(), data.get("itemId").asText());
        assertEquals("TC3", data.get("criterionCode").asText());
        assertEquals("VP", data.get("leadUnit").asText());
        assertEquals(List.of("KT", "TTDVSNC", "TTPVHCC", "VHXH"),
                new ObjectMapper().convertValue(data.get("coordinatingUnits"), List.class));
        assertEquals("2026-03-01", data.get("periodStart").asText());
        assertEquals("2026-03-31", data.get("periodEnd").asText());
        assertEquals("2026-03-31", data.get("dueDate").asText());
        assertEquals("MONTHLY", data.get("recurrence").asText());
        assertEquals("TODO", data.get("toStatus").asText());
        assertEquals("Các văn bản/ hình ảnh hoạt động triển khai thực hiện", data.get("expectedEvidence").asText());
        assertTrue(data.get("title").asText().startsWith("Ít nhất 1 tháng/lần, người đứng đầu cấp ủy"));
    }
}
