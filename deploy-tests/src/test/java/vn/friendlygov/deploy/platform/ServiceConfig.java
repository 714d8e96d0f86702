package vn.friendlygov.deploy.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as it runs in production: its application.properties over common's
 * microprofile-config.properties, `%prod.` entries over unprofiled ones, like SmallRye Config.
 */
public final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    /** Local-stack conveniences that production is not expected to set. */
    private static final Set<String> DEV_ONLY_PREFIXES = Set.of("quarkus.log.", "quarkus.devservices.",
            "quarkus.live-reload.", "quarkus.http.cors", "quarkus.swagger-ui.", "quarkus.console.");

    /** Read by the build (image name and tag), never by the running service. */
    private static final Set<String> BUILD_ONLY_PREFIXES = Set.of("quarkus.container-image.", "quarkus.jib.");
    /** Filled in by the Quarkus build from the pom. */
    private static final Set<String> BUILD_PROVIDED = Set.of("quarkus.application.name", "quarkus.application.version");

    private final Map<String, String> raw = new LinkedHashMap<>();

    private ServiceConfig() {
    }

    /** Later files override earlier ones, as an application.properties overrides common's defaults. */
    public static ServiceConfig load(Path... files) {
        ServiceConfig config = new ServiceConfig();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().forEach(k -> config.raw.put(k, properties.getProperty(k).trim()));
        }
        return config;
    }

    /** Every entry of the files, profile prefixes kept. */
    public Map<String, String> raw() {
        return java.util.Collections.unmodifiableMap(raw);
    }

    /** The value production sees from the files (environment variables not applied). */
    public Optional<String> value(String key) {
        if (raw.containsKey("%prod." + key)) {
            return Optional.of(raw.get("%prod." + key));
        }
        return Optional.ofNullable(raw.get(key));
    }

    public String value(String key, String fallback) {
        return value(key).orElse(fallback);
    }

    /** Every key production reads from the files (profile prefix removed; other profiles left out). */
    public Set<String> prodKeys() {
        Set<String> keys = new TreeSet<>();
        for (String key : raw.keySet()) {
            if (!key.startsWith("%")) {
                keys.add(key);
            } else if (key.startsWith("%prod.")) {
                keys.add(key.substring("%prod.".length()));
            }
        }
        return keys;
    }

    /**
     * What production must supply from its environment: each `${VAR}` without a default in a production value
     * (unless VAR is itself a key of the files), and each key the files only give a `%dev` value for (the local
     * stack's database URL, say), named as its environment variable.
     */
    public Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String key : prodKeys()) {
            if (BUILD_ONLY_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            Matcher m = EXPRESSION.matcher(value(key).orElse(""));
            while (m.find()) {
                if (m.group(2) == null && value(m.group(1)).isEmpty() && !jvmProperty(m.group(1))
                        && !BUILD_PROVIDED.contains(m.group(1))) {
                    required.add(m.group(1).matches("[A-Z0-9_]+") ? m.group(1) : envName(m.group(1)));
                }
            }
        }
        for (String key : raw.keySet()) {
            if (key.startsWith("%dev.")) {
                String bare = key.substring("%dev.".length());
                if (value(bare).isEmpty() && DEV_ONLY_PREFIXES.stream().noneMatch(bare::startsWith)) {
                    required.add(envName(bare));
                }
            }
        }
        return required;
    }

    /** `${java.io.tmpdir}` and the like: the JVM always provides them. */
    private static boolean jvmProperty(String name) {
        return name.matches("(java|user|os|file|line|path)\\..+");
    }

    /** The MicroProfile Config rule: non-alphanumerics become `_`, letters upper case. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
