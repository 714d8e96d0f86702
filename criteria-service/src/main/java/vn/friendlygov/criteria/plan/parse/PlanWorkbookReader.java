package vn.friendlygov.criteria.plan.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.friendlygov.common.text.VietnameseText;

/**
 * Reads the plan from an {@code .xlsx} workbook with the same six columns as the text export (first sheet). In a
 * workbook every row has the TT column, so no guessing is needed; cells are cleaned the same way.
 */
public final class PlanWorkbookReader {

    private PlanWorkbookReader() {
    }

    /** @throws IllegalArgumentException when the bytes are not a readable workbook */
    public static RawTable read(InputStream in) {
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<PlanRow> rows = new ArrayList<>();
            List<ImportIssue> issues = new ArrayList<>();
            String title = null;
            boolean header = false;
            int separators = 0;
            int blank = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] cells = new String[PlanTextReader.COLUMNS];
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    cells[c] = Cells.clean(cell == null ? "" : fmt.formatCellValue(cell));
                }
                int line = r + 1;
                if (Cells.isBlank(cells)) {
                    blank++;
                    continue;
                }
                if (!header) {
                    if ("tt".equals(VietnameseText.fold(cells[0]))
                            && VietnameseText.fold(cells[1]).startsWith("noi dung")) {
                        header = true;
                    } else if (title == null) {
                        title = cells[0];
                    }
                    continue;
                }
                if (Cells.isSeparator(cells)) {
                    separators++;
                    continue;
                }
                rows.add(new PlanRow(line, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
            }
            if (!header) {
                issues.add(ImportIssue.error(0, "header", "no header row (TT, Nội dung tiêu chí, …) was found", null));
                rows.clear();
            }
            return new RawTable(title, rows, separators, blank, issues);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }
}
