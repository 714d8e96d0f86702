package vn.friendlygov.criteria.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.friendlygov.criteria.task.TaskStatus;

/** The progress status table as CSV (UTF-8 with BOM, so that spreadsheet programs keep the diacritics) or .xlsx. */
public final class ProgressExport {

    static final List<String> HEADER = List.of("Cấp", "Mã", "Nội dung", "Chưa thực hiện", "Đang thực hiện",
            "Đã nộp", "Đã duyệt", "Trả lại", "Đã hủy", "Quá hạn", "Tỷ lệ duyệt (%)", "Điểm");

    private ProgressExport() {
    }

    public static List<List<String>> table(Progress p) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Progress.CriterionProgress c : p.criteria()) {
            rows.add(row("Tiêu chí", c.code(), c.title(), c.tasks(), Integer.toString(c.score())));
            for (Progress.ItemProgress i : p.items()) {
                if (i.criterionCode().equals(c.code())) {
                    rows.add(row("Nội dung", i.key(), i.title(), i.tasks(), ""));
                }
            }
        }
        for (Progress.UnitProgress u : p.units()) {
            rows.add(row("Đơn vị", u.code(), u.name(), u.tasks(), ""));
        }
        return rows;
    }

    private static List<String> row(String level, String code, String name, Progress.Counts c, String score) {
        List<String> r = new ArrayList<>(List.of(level, code, name));
        for (TaskStatus s : List.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED,
                TaskStatus.APPROVED, TaskStatus.RETURNED, TaskStatus.CANCELLED)) {
            r.add(Long.toString(c.byStatus().get(s.name())));
        }
        r.add(Long.toString(c.overdue()));
        r.add(String.format(java.util.Locale.ROOT, "%.1f", c.approvedShare() * 100));
        r.add(score);
        return r;
    }

    public static byte[] csv(Progress p) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (List<String> row : table(p)) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(quote(row.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        // RFC 4180 quoting; a leading formula character is defused so that a spreadsheet never evaluates plan text
        String s = v.isEmpty() || "=+-@".indexOf(v.charAt(0)) < 0 || v.matches("-?\\d+(\\.\\d+)?") ? v : "'" + v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public static byte[] xlsx(Progress p) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Tiến độ " + p.plan());
            int r = 0;
            for (List<String> row : table(p)) {
                Row x = sheet.createRow(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (r > 0 && c >= 3 && !v.isEmpty()) {
                        x.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        x.createCell(c).setCellValue(v);
                    }
                }
                r++;
            }
            sheet.setColumnWidth(2, 100 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
