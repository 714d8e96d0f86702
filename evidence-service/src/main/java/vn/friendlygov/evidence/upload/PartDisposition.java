package vn.friendlygov.evidence.upload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Disposition} of a form part: its field name and, for a file, the file name the client gave
 * ({@code filename*} in RFC 5987 form wins over {@code filename}). Browsers send names as raw UTF-8 inside the quotes
 * and escape a quote as {@code %22}; a backslash is kept as it is (it may be a Windows path, which the caller refuses).
 */
public record PartDisposition(String name, String fileName) {

    public boolean isFile() {
        return fileName != null;
    }

    public static PartDisposition parse(String header) {
        Map<String, String> params = new HashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            String value;
            if (j < header.length() && header.charAt(j) == '"') {
                StringBuilder v = new StringBuilder();
                int k = j + 1;
                for (; k < header.length(); k++) {
                    char c = header.charAt(k);
                    if (c == '\\' && k + 1 < header.length() && header.charAt(k + 1) == '"') {
                        v.append('"');
                        k++;
                    } else if (c == '"') {
                        break;
                    } else {
                        v.append(c);
                    }
                }
                value = v.toString();
                i = header.indexOf(';', k);
            } else {
                int semi = header.indexOf(';', j);
                value = (semi < 0 ? header.substring(j) : header.substring(j, semi)).strip();
                i = semi;
            }
            params.putIfAbsent(key, value);
        }
        String fileName = params.get("filename");
        String extended = params.get("filename*");
        if (extended != null) {
            String decoded = rfc5987(extended);
            if (decoded != null) {
                fileName = decoded;
            }
        }
        return new PartDisposition(params.get("name"), fileName);
    }

    /** {@code UTF-8''%C4%91...}; null when it cannot be read. */
    private static String rfc5987(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0 || !value.substring(0, first).equalsIgnoreCase("UTF-8")) {
            return null;
        }
        try {
            return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
