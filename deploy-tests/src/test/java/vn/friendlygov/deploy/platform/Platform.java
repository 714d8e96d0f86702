package vn.friendlygov.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The four services as the repository describes them today: configuration files, topic constants, contracts. */
public final class Platform {

    private static final Pattern SERVICE_MODULE = Pattern.compile("<module>([a-z]+-service)</module>");

    /**
     * Keys production must always override although the files give a value or none (from the service
     * conventions): the local stack's database, broker and token trust. Each maps to the variable that sets it.
     */
    static final Map<String, String> ALWAYS_FROM_ENVIRONMENT = Map.of(
            "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL",
            "quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME",
            "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD",
            "kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS",
            "mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "mp.jwt.verify.issuer", "JWT_ISSUER");

    /** The channel common's OutboxRelay sends through; its configured topic is a placeholder, each row names its own. */
    static final String OUTBOX_CHANNEL = "outbox";

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"([a-z]+)\\.([a-z0-9-]+)\\.v(\\d+)\"");

    private Platform() {
    }

    public static List<Service> read(Path repo) {
        EventContracts contracts = EventContracts.read(repo.resolve("docs/2026-11-26-event-contracts.md"));
        List<Service> services = new ArrayList<>();
        for (String name : serviceModules(repo)) {
            ServiceConfig config = ServiceConfig.load(
                    repo.resolve("common/src/main/resources/META-INF/microprofile-config.properties"),
                    repo.resolve(name + "/src/main/resources/application.properties"));
            services.add(describe(repo, name, config, contracts));
        }
        return services;
    }

    /** The services are the root pom's `*-service` modules: a new one is checked without touching this test. */
    public static List<String> serviceModules(Path repo) {
        List<String> modules = new ArrayList<>();
        try {
            Matcher m = SERVICE_MODULE.matcher(Files.readString(repo.resolve("pom.xml")));
            while (m.find()) {
                modules.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    public static Service describe(Path repo, String name, ServiceConfig config, EventContracts contracts) {
        String shortName = name.substring(0, name.indexOf("-service"));
        Set<String> consumed = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Map<String, Integer> perPod = new java.util.TreeMap<>();
        for (String key : config.prodKeys()) {
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches() || !"topic".equals(m.group(3)) && !"connector".equals(m.group(3))) {
                continue;
            }
            String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
            String topic = config.value(prefix + "topic", m.group(2));
            if ("incoming".equals(m.group(1))) {
                consumed.add(topic);
                perPod.merge(topic, Integer.parseInt(config.value(prefix + "partitions", "1")), Math::max);
                groups.add(config.value(prefix + "group.id",
                        config.value("kafka.group.id", config.value("quarkus.application.name", name))));
                if ("dead-letter-queue".equals(config.value(prefix + "failure-strategy", ""))) {
                    produced.add(config.value(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + m.group(2)));
                }
            } else if (!OUTBOX_CHANNEL.equals(m.group(2))) {
                produced.add(topic);
            }
        }
        produced.addAll(topicConstants(repo.resolve(name + "/src/main/java"), shortName));
        contracts.producerByTopic().forEach((topic, producer) -> {
            if (producer.equals(name)) {
                produced.add(topic);
            }
        });
        contracts.consumersByTopic().forEach((topic, consumers) -> {
            if (consumers.contains(name)) {
                // A contract consumer follows the conventions: group = service name, its own dead-letter topic.
                consumed.add(topic);
                groups.add(name);
                produced.add(shortName + ".dead-letter.v1");
            }
        });
        Set<String> required = new TreeSet<>(config.requiredEnvironment());
        required.addAll(ALWAYS_FROM_ENVIRONMENT.values());
        for (String key : ConfigMappings.requiredKeys(repo.resolve("common/src/main/java"),
                repo.resolve(name + "/src/main/java"))) {
            if (config.value(key).isEmpty()) {
                required.add(ServiceConfig.envName(key));
            }
        }
        return new Service(name, Integer.parseInt(config.value("quarkus.http.port", "8080")),
                healthPath(config, "startup-path", "started"), healthPath(config, "liveness-path", "live"),
                healthPath(config, "readiness-path", "ready"),
                under(nonApplicationRoot(config), config.value("quarkus.micrometer.export.prometheus.path", "metrics")),
                consumed, produced, groups, required, config,
                ConfigUse.read(config, repo.resolve("common/src/main/java"), repo.resolve(name + "/src/main/java")),
                extensions(repo.resolve("common/src/main/resources/db"), repo.resolve(name + "/src/main/resources/db")),
                perPod, restRoots(repo.resolve(name + "/src/main/java")));
    }

    /** Topic names written as constants in the service's own code, e.g. TaskEvents.TOPIC. */
    static Set<String> topicConstants(Path sources, String shortName) {
        Set<String> topics = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return topics;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TOPIC_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).equals(shortName)) {
                        topics.add(m.group(1) + "." + m.group(2) + ".v" + m.group(3));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** The class-level @Path of every JAX-RS resource: what an Ingress path may lead to. */
    static Set<String> restRoots(Path sources) {
        Set<String> roots = new TreeSet<>();
        Pattern classDeclaration = Pattern.compile("\\bclass\\s+\\w+");
        Pattern path = Pattern.compile("@Path\\(\"([^\"]+)\"\\)");
        if (!Files.isDirectory(sources)) {
            return roots;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declaration = classDeclaration.matcher(source);
                Matcher m = path.matcher(declaration.find() ? source.substring(0, declaration.start()) : "");
                while (m.find()) {
                    roots.add(m.group(1).startsWith("/") ? m.group(1) : "/" + m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return roots;
    }

    /** PostgreSQL extensions the Flyway migrations create: the database must allow it without a superuser. */
    static Set<String> extensions(Path... migrationRoots) {
        Set<String> extensions = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?\"?([a-z0-9_]+)");
        for (Path root : migrationRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                    Matcher m = create.matcher(Files.readString(file));
                    while (m.find()) {
                        extensions.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return extensions;
    }

    private static String healthPath(ServiceConfig config, String key, String fallback) {
        String health = under(nonApplicationRoot(config), config.value("quarkus.smallrye-health.root-path", "health"));
        return under(health, config.value("quarkus.smallrye-health." + key, fallback));
    }

    private static String nonApplicationRoot(ServiceConfig config) {
        return under(config.value("quarkus.http.root-path", "/"),
                config.value("quarkus.http.non-application-root-path", "q"));
    }

    /** Quarkus' rule: a path starting with `/` is absolute, otherwise relative to its parent. */
    static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }
}
