package vn.friendlygov.feedback.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders GeoReport answers, built as ordered maps and lists, as JSON or XML. In XML a list is one element per item
 * named after the list (the spec's {@code <attributes><attribute>…}, {@code <values><value>…}); null fields are
 * written empty in XML and as null in JSON, as the spec's examples do.
 */
public final class Open311Render {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String XML = "text/xml; charset=utf-8";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, String> ITEM_NAMES = Map.of("attributes", "attribute", "values", "value",
            "endpoints", "endpoint", "formats", "format", "keywords", "keyword");

    private Open311Render() {
    }

    /** An ordered map from alternating names and values. */
    public static Map<String, Object> fields(Object... nameValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put((String) nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    public static Response render(String format, String root, String item, Object body, int status) {
        if ("xml".equals(format)) {
            return Response.status(status).type(XML).entity(xml(root, item, body)).build();
        }
        try {
            return Response.status(status).type(JSON).entity(MAPPER.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(String root, String item, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            if (body instanceof List<?> list) {
                w.writeStartElement(root);
                for (Object o : list) {
                    element(w, item, o);
                }
                w.writeEndElement();
            } else {
                element(w, root, body);
            }
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, (String) e.getKey(), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String itemName = ITEM_NAMES.getOrDefault(name, "item");
            for (Object o : list) {
                element(w, itemName, o);
            }
        } else if (value != null) {
            w.writeCharacters(String.valueOf(value));
        }
        w.writeEndElement();
    }
}
