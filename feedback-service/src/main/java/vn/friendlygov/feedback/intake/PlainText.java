package vn.friendlygov.feedback.intake;

import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/**
 * Citizen text as stored: NFC, markup removed (staff screens and letters must never render what a citizen typed as
 * HTML), control characters dropped, runs of blanks collapsed. Line breaks are kept: they carry meaning in a letter.
 */
public final class PlainText {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
    // block elements separate words (a line break); inline ones (<b>, <span>) sit inside words and leave nothing
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern BLANKS = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private PlainText() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = VietnameseText.nfc(s).replace("\r\n", "\n").replace('\r', '\n');
        t = SCRIPT.matcher(t).replaceAll(" ");
        t = BLOCK_TAG.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        // decoded entities may have formed a tag again; a second pass leaves none
        t = TAG.matcher(t).replaceAll("");
        t = CONTROL.matcher(t).replaceAll("");
        t = BLANKS.matcher(t).replaceAll(" ");
        t = t.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return VietnameseText.nfc(t.strip());
    }

    /** Null for null or blank, else {@link #clean}. */
    public static String cleanOrNull(String s) {
        String c = clean(s);
        return c == null || c.isEmpty() ? null : c;
    }
}
