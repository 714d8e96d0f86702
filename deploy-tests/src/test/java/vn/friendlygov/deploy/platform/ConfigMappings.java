package vn.friendlygov.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys a service's @ConfigMapping interfaces require: members without @WithDefault that are not Optional or
 * maps, nested interfaces followed. Production must give each a value, in the files or the environment, or the
 * service does not start.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)[^{]*?"
            + "interface\\s+(\\w+)");
    private static final Pattern INTERFACE = Pattern.compile("interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern MEMBER = Pattern.compile(
            "((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;()]*>)?)\\s+(\\w+)\\(\\)\\s*;");

    private ConfigMappings() {
    }

    static Set<String> requiredKeys(Path... sourceRoots) {
        Set<String> keys = new TreeSet<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    // Comments out; a line comment starts after a blank, so "https://…" in a default survives.
                    String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "")
                            .replaceAll("(?m)(^|\\s)//[^\n]*", "$1");
                    Matcher mapping = MAPPING.matcher(source);
                    if (mapping.find()) {
                        Map<String, String> bodies = interfaces(source);
                        collect(bodies, mapping.group(2), mapping.group(1), keys);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static void collect(Map<String, String> bodies, String type, String prefix, Set<String> keys) {
        Matcher member = MEMBER.matcher(bodies.getOrDefault(type, ""));
        while (member.find()) {
            String annotations = member.group(1);
            String returned = member.group(2);
            String name = kebab(member.group(3));
            Matcher withName = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)").matcher(annotations);
            if (withName.find()) {
                name = withName.group(1);
            }
            String nested = annotations.contains("@WithParentName") ? prefix : prefix + "." + name;
            if (bodies.containsKey(returned)) {
                collect(bodies, returned, nested, keys);
            } else if (!annotations.contains("@WithDefault") && !returned.startsWith("Optional")
                    && !returned.startsWith("Map")) {
                keys.add(nested);
            }
        }
    }

    /** Each interface's own members: nested interface bodies are cut out of their parent's text. */
    private static Map<String, String> interfaces(String source) {
        Map<String, String> bodies = new HashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            int open = m.end() - 1;
            int close = matching(source, open);
            String body = source.substring(open + 1, close);
            Matcher inner = INTERFACE.matcher(body);
            StringBuilder own = new StringBuilder();
            int at = 0;
            while (inner.find(at)) {
                own.append(body, at, inner.start());
                at = matching(body, inner.end() - 1) + 1;
            }
            own.append(body.substring(at));
            bodies.put(m.group(1), own.toString());
        }
        return bodies;
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
