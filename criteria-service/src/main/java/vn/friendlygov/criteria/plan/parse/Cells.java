package vn.friendlygov.criteria.plan.parse;

import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/** Cleaning of one cell of the export: what the office software leaves behind that is not part of the plan. */
final class Cells {

    private static final Pattern TAGS = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");
    private static final Pattern DASHES_ONLY = Pattern.compile("^[-–—]+$");

    private Cells() {
    }

    /** Tags such as {@code <i>} removed, every run of white space one space, trimmed, NFC. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = TAGS.matcher(VietnameseText.nfc(raw)).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    static boolean isDashes(String cell) {
        return DASHES_ONLY.matcher(cell).matches();
    }

    /** A separator row: nothing but runs of dashes (the export's horizontal rules). */
    static boolean isSeparator(String[] cells) {
        boolean dashes = false;
        for (String c : cells) {
            if (c.isEmpty()) {
                continue;
            }
            if (!isDashes(c)) {
                return false;
            }
            dashes = true;
        }
        return dashes;
    }

    static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
