package vn.friendlygov.criteria.plan.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The importer against the real seed file. The expected numbers were counted by reading the document: 86 table rows
 * (4 criteria, 82 items), 6 separator rows; criterion 1 has 21 rows (3 top-level, 18 "-" rows), criterion 2 has 16
 * (8 + 8), criterion 3 has 22 (13 + 9), criterion 4 has 23 (7 + 16).
 */
class PlanParserTest {

    static final ParsedPlan PLAN = PlanParser.parse(PlanTextReader.read(SeedPlan.text()));

    static ParsedItem byKey(String key) {
        return PLAN.items().stream().filter(i -> i.key.equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    static ParsedItem byLine(int line) {
        return PLAN.items().stream().filter(i -> i.line == line).findFirst().orElseThrow(() -> new AssertionError(line));
    }

    @Test
    void countsCriteriaItemsAndSeparatorsOfTheRealPlan() {
        assertEquals(86, PLAN.rowsRead());
        assertEquals(86, PLAN.items().size(), "every row read is an item");
        assertEquals(6, PLAN.separators());
        assertEquals(List.of("1", "2", "3", "4"), PLAN.criteria().stream().map(c -> c.key).toList());
        assertEquals(List.of("CHÍNH QUYỀN CÔNG KHAI, MINH BẠCH",
                "CHÍNH QUYỀN THÂN THIỆN, HÀNH ĐỘNG, VÌ NHÂN DÂN PHỤC VỤ",
                "CHÍNH QUYỀN CÓ ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC CHUYÊN NGHIỆP, TRÁCH NHIỆM, GƯƠNG MẪU, THÂN THIỆN",
                "CHÍNH QUYỀN XANH, VĂN MINH, HIỆN ĐẠI"), PLAN.criteria().stream().map(c -> c.title).toList());
        Map<Integer, Long> perCriterion = PLAN.items().stream().filter(i -> i.kind() != ParsedItem.Kind.CRITERION)
                .collect(Collectors.groupingBy(i -> i.criterion, Collectors.counting()));
        assertEquals(Map.of(1, 21L, 2, 16L, 3, 22L, 4, 23L), perCriterion);
        assertEquals(List.of(3, 8, 13, 7), PLAN.criteria().stream().map(c -> c.children.size()).toList());
        assertEquals(7, PLAN.items().stream().filter(i -> i.kind() == ParsedItem.Kind.GROUP).count());
        assertEquals(69, PLAN.leaves().size(), "82 items - 7 groups - 6 items with sub-items");
        // the five canonical units are all used as lead units, and nothing else
        assertEquals(List.of("KT", "TTDVSNC", "TTPVHCC", "VHXH", "VP"), PLAN.items().stream()
                .flatMap(i -> i.leadUnits.stream()).distinct().sorted().toList());
    }

    @Test
    void buildsTheTreeFromDashRows() {
        ParsedItem publish = byKey("1.1");
        assertEquals("Chính quyền công khai các nội dung để tổ chức, công dân biết, thực hiện", publish.title);
        assertEquals(9, publish.children.size());
        assertEquals("Công khai kết quả giải quyết thủ tục hành chính của chính quyền cho tổ chức và công dân",
                byKey("1.1.4").title, "a row without the TT cell, dash removed");
        assertEquals(ParsedItem.Kind.GROUP, byKey("1.2").kind());
        assertEquals("Hình thức công khai đa dạng", byKey("1.2").title);
        assertEquals(5, byKey("1.2").children.size());
        assertEquals(6, byKey("2.4").children.size());
        // a row after a separator row stays under the same parent
        assertEquals("2.7.2", byLine(55).key);
        assertEquals(ParsedItem.Kind.GROUP, byKey("3.1").kind(), "the upper-case heading is a group");
    }

    @Test
    void normalisesTheDefectsOfTheExport() {
        // tone-mark variant (hoá), missing space before the dash, en dash, lower-case "xã hội"
        assertEquals(List.of("VHXH"), byLine(9).leadUnits, "Phòng Văn hóa- Xã hội");
        assertEquals(List.of("VHXH"), byLine(59).leadUnits, "Phòng Văn hoá - Xã hội");
        assertEquals(List.of("VHXH"), byLine(45).leadUnits, "Phòng Văn hóa – Xã hội");
        // the typo, the capitalised variant, and two lead units in one cell
        assertEquals(List.of("TTPVHCC"), byLine(47).leadUnits, "Trung tâm Phục hành chính công");
        assertEquals(List.of("TTPVHCC"), byLine(30).leadUnits, "Trung tâm Phục vụ Hành chính công");
        assertEquals(List.of("VHXH", "VP"), byLine(75).leadUnits, "Phòng Văn hóa - xã hội; Văn Phòng HĐND và UBND");
        // "all units" means every unit that does not lead; a lead unit named as coordinating is not repeated
        assertEquals(List.of("KT", "TTDVSNC", "TTPVHCC", "VP"), byLine(9).coordinatingUnits);
        assertEquals(List.of(), byLine(41).coordinatingUnits);
        assertEquals(List.of(), byLine(94).coordinatingUnits, "blank cell inherits nothing");
        // "Quy IV" is Q4; the holidays time frame with the plan's "nguyên lễ"
        assertEquals(TimeFrame.Kind.QUARTER, byLine(55).timeFrame.kind());
        assertEquals(4, byLine(55).timeFrame.quarter());
        assertEquals("Quy IV", byLine(55).timeFrameRaw);
        assertEquals(TimeFrame.Kind.HOLIDAYS, byLine(48).timeFrame.kind());
        // <i> tags removed, text intact
        assertEquals("Gương mẫu đi đầu thực hiện học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                byLine(62).title);
        assertTrue(byLine(65).title.startsWith("Ít nhất 1 lần/tuần, cấp ủy"));
        assertEquals("Có quy định cụ thể TTHC và có kết quả cụ thể", byLine(34).expectedEvidence);
    }

    @Test
    void readsFrequenciesAndTargetsFromTheText() {
        assertEquals(TextFacts.Frequency.WEEKLY, byLine(34).facts.frequency(), "01 ngày/tuần");
        assertEquals(TextFacts.Frequency.WEEKLY, byLine(32).facts.frequency(), "ít nhất 01 lần/tuần");
        assertTrue(byLine(32).facts.atLeast());
        assertEquals(TextFacts.Frequency.WEEKLY, byLine(65).facts.frequency(), "Ít nhất 1 lần/tuần");
        assertEquals(TextFacts.Frequency.MONTHLY, byLine(66).facts.frequency(), "Ít nhất 1 tháng/lần");
        assertEquals(TextFacts.Frequency.YEARLY, byLine(117).facts.frequency(), "Hàng năm");
        assertNull(byLine(23).facts.frequency());
        assertEquals(TextFacts.Comparator.GTE, byLine(112).facts.comparator());
        assertEquals(0, new BigDecimal("90").compareTo(byLine(112).facts.target()));
        assertEquals(0, new BigDecimal("90").compareTo(byLine(113).facts.target()));
        assertEquals(TextFacts.Comparator.GTE, byLine(56).facts.comparator());
        assertEquals(0, new BigDecimal("100").compareTo(byLine(56).facts.target()));
        assertEquals(TextFacts.Comparator.GT, byLine(115).facts.comparator());
        assertEquals(0, new BigDecimal("100").compareTo(byLine(115).facts.target()));
    }

    @Test
    void theReportListsEveryRowNotFullyInterpreted() {
        List<ImportIssue> warnings = PLAN.issuesOf(ImportIssue.Severity.WARNING);
        assertEquals(List.of(58, 117), warnings.stream().map(ImportIssue::line).toList(), warnings.toString());
        assertTrue(warnings.get(0).message().contains("heading without items"));
        assertTrue(warnings.get(1).message().contains("no time frame"));
        assertTrue(PLAN.issuesOf(ImportIssue.Severity.ERROR).isEmpty());
        List<ImportIssue> notes = PLAN.issuesOf(ImportIssue.Severity.NOTE);
        assertTrue(notes.stream().anyMatch(n -> n.line() == 47
                && n.message().equals("Trung tâm Phục hành chính công → Trung tâm Phục vụ hành chính công")));
        assertTrue(notes.stream().anyMatch(n -> n.line() == 55 && n.message().equals("Quy IV → Quý IV")));
        assertTrue(notes.stream().anyMatch(n -> n.line() == 33 && n.field().equals("tt")));
    }

    @Test
    void cleansStraySpacesTagsAndUnknownUnitsInOtherExports() {
        String text = "Kế hoạch thử\nTT\tNội dung tiêu chí\tThời gian thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\n"
                + "\tTIÊU CHÍ 1:  CHÍNH QUYỀN   CÔNG KHAI \t\t\t\t\n"
                + "  Mục  <b>một</b>  \t quý iv \t PHÒNG VĂN HÓA-XÃ HỘI \tPhòng Tài chính\t Báo cáo \n"
                + "---\t---\n"
                + "- con\tHằng ngày\tPhòng Kinh tế\t\tx\n";
        ParsedPlan p = PlanParser.parse(PlanTextReader.read(text));
        assertEquals("Kế hoạch thử", p.title());
        assertEquals("CHÍNH QUYỀN CÔNG KHAI", p.items().get(0).title);
        ParsedItem item = p.items().get(1);
        assertEquals("Mục một", item.title);
        assertEquals(4, item.timeFrame.quarter());
        assertEquals(List.of("VHXH"), item.leadUnits);
        assertEquals(List.of(), item.coordinatingUnits);
        assertEquals("Báo cáo", item.expectedEvidence);
        assertEquals(1, p.separators());
        List<ImportIssue> warnings = p.issuesOf(ImportIssue.Severity.WARNING);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals("coordinatingUnits", warnings.get(0).field());
        assertTrue(warnings.get(0).message().contains("Phòng Tài chính"));
        assertEquals("timeFrame", warnings.get(1).field());
        assertEquals(6, warnings.get(1).line());
    }
}
