package vn.friendlygov.feedback.open311;

import static vn.friendlygov.feedback.open311.Open311Render.fields;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.friendlygov.feedback.intake.Category;

/**
 * The services of a jurisdiction (= a ward's categories) and their definition: every service asks the same two
 * attributes, where exactly and how the citizen wants the answer.
 */
@ApplicationScoped
public class Open311Catalogue {

    record Attribute(String code, String datatype, boolean required, String description, Map<String, String> values) {
    }

    static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("vi_tri_chi_tiet", "string", false, "Vị trí chi tiết (thôn, tổ dân phố, số nhà)", Map.of()),
            new Attribute("hinh_thuc_tra_loi", "singlevaluelist", false, "Hình thức nhận trả lời", orderedValues(
                    "APP", "Trên ứng dụng", "ZALO", "Qua Zalo", "SMS", "Tin nhắn SMS", "EMAIL", "Thư điện tử")));

    public List<Map<String, Object>> services(String ward) {
        return Category.activeOf(ward).stream().map(c -> fields("service_code", c.code, "service_name", c.name,
                "description", c.name, "metadata", true, "type", "realtime", "keywords", null,
                "group", c.unit)).toList();
    }

    public Map<String, Object> definition(Category c) {
        List<Map<String, Object>> attributes = new java.util.ArrayList<>();
        int order = 1;
        for (Attribute a : ATTRIBUTES) {
            List<Map<String, Object>> values = a.values().entrySet().stream()
                    .map(e -> fields("key", e.getKey(), "name", e.getValue())).toList();
            attributes.add(fields("variable", true, "code", a.code(), "datatype", a.datatype(),
                    "required", a.required(), "datatype_description", null, "order", order++,
                    "description", a.description(), "values", values));
        }
        return fields("service_code", c.code, "attributes", attributes);
    }

    /** The posted {@code attribute[code]} values, checked against the definition; 400 names the bad one. */
    public Map<String, String> validate(Map<String, String> posted) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : posted.entrySet()) {
            Attribute a = ATTRIBUTES.stream().filter(x -> x.code().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new Open311Exception(400, "attribute[" + e.getKey() + "] is not defined"));
            if (!a.values().isEmpty() && !a.values().containsKey(e.getValue())) {
                throw new Open311Exception(400, "attribute[" + a.code() + "] must be one of " + a.values().keySet());
            }
            if (e.getValue().length() > 500) {
                throw new Open311Exception(400, "attribute[" + a.code() + "] is longer than 500 characters");
            }
            out.put(a.code(), e.getValue());
        }
        for (Attribute a : ATTRIBUTES) {
            if (a.required() && !out.containsKey(a.code())) {
                throw new Open311Exception(400, "attribute[" + a.code() + "] is required");
            }
        }
        return out;
    }

    private static Map<String, String> orderedValues(String... keyNames) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyNames.length; i += 2) {
            m.put(keyNames[i], keyNames[i + 1]);
        }
        return m;
    }
}
