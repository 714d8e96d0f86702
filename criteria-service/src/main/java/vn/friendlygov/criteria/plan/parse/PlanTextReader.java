package vn.friendlygov.criteria.plan.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.friendlygov.common.text.VietnameseText;

/**
 * Reads the tab-separated text export of the plan. The export is inconsistent about the first (TT) cell: rows with
 * six cells carry it, rows with five cells start with the content. Lines above the header row are the title.
 */
public final class PlanTextReader {

    static final int COLUMNS = 6;

    private PlanTextReader() {
    }

    public static RawTable read(String text) {
        String[] lines = VietnameseText.nfc(text.replace("\uFEFF", "")).split("\r\n|\r|\n", -1);
        List<PlanRow> rows = new ArrayList<>();
        List<ImportIssue> issues = new ArrayList<>();
        String title = null;
        boolean header = false;
        int separators = 0;
        int blank = 0;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String[] cells = Arrays.stream(lines[i].split("\t", -1)).map(Cells::clean).toArray(String[]::new);
            if (Cells.isBlank(cells)) {
                blank++;
                continue;
            }
            if (!header) {
                if (isHeader(cells)) {
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
            if (cells.length == COLUMNS - 1) {
                rows.add(row(line, "", cells, 0));
            } else if (cells.length >= COLUMNS) {
                if (cells.length > COLUMNS && !Cells.isBlank(Arrays.copyOfRange(cells, COLUMNS, cells.length))) {
                    issues.add(ImportIssue.warning(line, "row", "more than 6 cells; the extra cells were ignored",
                            String.join(" | ", cells)));
                }
                rows.add(row(line, cells[0], cells, 1));
            } else {
                issues.add(ImportIssue.warning(line, "row", "only " + cells.length
                        + " cells; the missing trailing cells are read as empty", String.join(" | ", cells)));
                rows.add(row(line, "", Arrays.copyOf(cells, COLUMNS - 1), 0));
            }
        }
        if (!header) {
            issues.add(ImportIssue.error(0, "header", "no header row (TT, Nội dung tiêu chí, …) was found", null));
            rows.clear();
        }
        return new RawTable(title, rows, separators, blank, issues);
    }

    private static boolean isHeader(String[] cells) {
        return cells.length >= 2 && "tt".equals(VietnameseText.fold(cells[0]))
                && VietnameseText.fold(cells[1]).startsWith("noi dung");
    }

    private static PlanRow row(int line, String tt, String[] c, int from) {
        return new PlanRow(line, tt, get(c, from), get(c, from + 1), get(c, from + 2), get(c, from + 3),
                get(c, from + 4));
    }

    private static String get(String[] c, int i) {
        return i < c.length && c[i] != null ? c[i] : "";
    }
}
