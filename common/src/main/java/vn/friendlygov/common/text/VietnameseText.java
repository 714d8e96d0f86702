package vn.friendlygov.common.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as the platform stores it: Unicode NFC, diacritics kept; and a folded form for accent-insensitive search. */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {
    }

    public static String nfc(String s) {
        return s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Null for null or blank text, else the text stripped and in NFC: an optional field as it is stored. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : nfc(s.strip());
    }

    /** Lower case without diacritics ("Phù Liễn" → "phu lien"; đ → d), as PostgreSQL's unaccent(lower(...)) gives. */
    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
