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
 * Which environment variables a service can actually read, so that a manifest setting a misnamed variable (say
 * EVIDENCE_STORAGE_TYPE for evidence.storage.kind) fails instead of being silently ignored.
 */
public record ConfigUse(Set<String> variables, Map<String, Set<String>> mappingWords) {

    /** Read by Quarkus extensions, the Kafka clients (every KAFKA_* is passed on), MicroProfile JWT or the JVM. */
    private static final Pattern FRAMEWORK = Pattern.compile("(QUARKUS|KAFKA|MP|SMALLRYE|JAVA)_.+|TZ");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern METHOD = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\(\\)");

    static ConfigUse read(ServiceConfig config, Path... sourceRoots) {
        Set<String> variables = new TreeSet<>();
        config.raw().forEach((key, value) -> {
            variables.add(ServiceConfig.envName(key.replaceFirst("^%[^.]+\\.", "")));
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                variables.add(m.group(1).matches("[A-Z0-9_]+") ? m.group(1) : ServiceConfig.envName(m.group(1)));
            }
        });
        Map<String, Set<String>> mappings = new HashMap<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher mapping = MAPPING.matcher(source);
                    if (mapping.find()) {
                        Set<String> words = mappings.computeIfAbsent(ServiceConfig.envName(mapping.group(1)) + "_",
                                k -> new TreeSet<>());
                        Matcher method = METHOD.matcher(source);
                        while (method.find()) {
                            for (String word : method.group(1).split("(?=[A-Z])")) {
                                words.add(word.toUpperCase(Locale.ROOT));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConfigUse(variables, mappings);
    }

    /** True if a file names the setting, a @ConfigMapping has every word of it, or a framework reads it. */
    public boolean reads(String variable) {
        if (variables.contains(variable) || FRAMEWORK.matcher(variable).matches()) {
            return true;
        }
        for (Map.Entry<String, Set<String>> mapping : mappingWords.entrySet()) {
            if (variable.startsWith(mapping.getKey()) && Set.of(variable.substring(mapping.getKey().length())
                    .split("_")).stream().allMatch(mapping.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }
}
