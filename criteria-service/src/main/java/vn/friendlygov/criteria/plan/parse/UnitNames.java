package vn.friendlygov.criteria.plan.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/**
 * The five canonical units and the spellings the plan uses for them. Names are compared folded (no diacritics,
 * lower case, so "hoá"/"hóa" and letter case do not matter) with every dash (hyphen, en dash, em dash) and the spaces
 * around it made one " - ". The known typo "Trung tâm Phục hành chính công" is listed as a spelling of TTPVHCC.
 */
public final class UnitNames {

    /** The plan's "all units" phrase in the coordinating column. */
    public static final String ALL = "*";

    public static final Map<String, String> CANONICAL = canonical();
    private static final Pattern DASH = Pattern.compile("\\s*[-–—]\\s*");
    private static final Map<String, String> BY_FOLDED = byFolded();

    private UnitNames() {
    }

    private static Map<String, String> canonical() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("VHXH", "Phòng Văn hóa - Xã hội");
        m.put("TTPVHCC", "Trung tâm Phục vụ hành chính công");
        m.put("VP", "Văn phòng HĐND và UBND");
        m.put("KT", "Phòng Kinh tế");
        m.put("TTDVSNC", "Trung tâm Dịch vụ sự nghiệp công");
        return Map.copyOf(m);
    }

    private static Map<String, String> byFolded() {
        Map<String, String> m = new LinkedHashMap<>();
        CANONICAL.forEach((code, name) -> m.put(key(name), code));
        m.put(key("Trung tâm Phục hành chính công"), "TTPVHCC");
        m.put(key("Các phòng, cơ quan, đơn vị"), ALL);
        return m;
    }

    static String key(String name) {
        return DASH.matcher(VietnameseText.fold(name).strip()).replaceAll(" - ").replaceAll("\\s+", " ")
                .replaceAll("[.;,]+$", "");
    }

    /** One name → its code ({@link #ALL} for "all units"), or null when it is not a known unit. */
    public static String code(String name) {
        return BY_FOLDED.get(key(name));
    }

    /** A cell that may name several units separated by ";". Unknown names are returned in {@code unknown}. */
    public static Parsed parseCell(String cell) {
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> respelled = new ArrayList<>();
        if (cell != null && !cell.isBlank()) {
            for (String part : cell.split(";")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                String code = code(p);
                if (code == null) {
                    unknown.add(p);
                } else {
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                    if (!ALL.equals(code) && !p.equals(CANONICAL.get(code))) {
                        respelled.add(p + " → " + CANONICAL.get(code));
                    }
                }
            }
        }
        return new Parsed(codes, unknown, respelled);
    }

    public record Parsed(List<String> codes, List<String> unknown, List<String> respelled) {
    }
}
