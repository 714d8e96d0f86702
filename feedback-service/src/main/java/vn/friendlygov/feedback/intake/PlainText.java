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
        String t = VietnameseText.nfc(s);
        // most texts have nothing the rules below would change but their ends: they are spared the regular
        // expressions (6 % of the request threads' samples in a profile; docs/2026-12-08-feedback-intake-cpu-2.md)
        return plain(t) ? VietnameseText.nfc(t.strip()) : applyRules(t);
    }

    /** Every rule, whatever the text holds (what {@link #clean} does with a text that is not {@link #plain}). */
    static String applyRules(String nfc) {
        String t = nfc.replace("\r\n", "\n").replace('\r', '\n');
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

    /**
     * No markup or entity ({@code <}, {@code &}), no control character (line breaks and tabs included), no no-break
     * space, no two spaces in a row: then no rule of {@link #applyRules} changes the text but the stripping of its
     * ends.
     */
    static boolean plain(String t) {
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '<' || ch == '&' || ch == '\u00A0' || Character.getType(ch) == Character.CONTROL
                    || ch == ' ' && i + 1 < t.length() && t.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /** Null for null or blank, else {@link #clean}. */
    public static String cleanOrNull(String s) {
        String c = clean(s);
        return c == null || c.isEmpty() ? null : c;
    }
}
