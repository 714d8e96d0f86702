package vn.friendlygov.deploy.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.friendlygov.deploy.Repo;

/** How a service's needs are read from its files: channels, groups, dead letters, paths, required environment. */
class PlatformTest {

    @TempDir
    Path dir;

    @Test
    void theRepositorysServicesAsTheyAreToday() {
        Map<String, Service> services = new java.util.TreeMap<>();
        Platform.read(Repo.root()).forEach(s -> services.put(s.name(), s));
        assertEquals(Set.of("criteria-service", "evidence-service", "feedback-service", "notification-service"),
                services.keySet());
        Service notification = services.get("notification-service");
        assertEquals(8084, notification.httpPort());
        assertTrue(notification.consumedTopics().contains("criteria.task-events.v1"));
        assertTrue(notification.producedTopics().containsAll(Set.of("notification.dead-letter.v1",
                "notification.delivery-events.v1")));
        assertEquals(Set.of("notification-service"), notification.consumerGroups());
        assertTrue(services.get("criteria-service").producedTopics().contains("criteria.task-events.v1"),
                "TaskEvents.TOPIC");
        assertEquals("/q/health/ready", notification.readyPath());
        assertEquals("/q/metrics", notification.metricsPath());
        assertTrue(notification.requiredEnvironment().containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "JWT_ISSUER")));
    }

    /** The probes and the scrape config point at endpoints that exist only with these extensions. */
    @Test
    void everyServiceServesHealthAndPrometheusMetrics() throws IOException {
        String common = Files.readString(Repo.root().resolve("common/pom.xml"));
        assertTrue(common.contains("<artifactId>quarkus-smallrye-health</artifactId>"));
        assertTrue(common.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>"));
        for (String service : Platform.serviceModules(Repo.root())) {
            assertTrue(Files.readString(Repo.root().resolve(service + "/pom.xml"))
                    .contains("<artifactId>common</artifactId>"), service + " gets them through common");
        }
    }

    @Test
    void channelsWithoutTopicOrGroupFollowQuarkusDefaults() throws IOException {
        Service s = describe("""
                quarkus.application.name=demo-service
                mp.messaging.incoming.orders.connector=smallrye-kafka
                mp.messaging.incoming.orders.failure-strategy=dead-letter-queue
                mp.messaging.outgoing.receipts.connector=smallrye-kafka
                mp.messaging.outgoing.outbox.topic=outbox.unrouted
                %test.mp.messaging.incoming.probe.topic=test-only
                """);
        assertEquals(Set.of("orders"), s.consumedTopics(), "the channel name is the topic; %test is not prod");
        assertEquals(Set.of("demo-service"), s.consumerGroups(), "Quarkus' default group is the application name");
        assertEquals(1, s.consumersPerPod("orders"));
        assertEquals(Set.of("dead-letter-topic-orders", "receipts"), s.producedTopics(),
                "SmallRye's default dead-letter topic; the outbox placeholder topic is never written");
    }

    @Test
    void pathsMoveWithTheRootsQuarkusOffers() throws IOException {
        Service s = describe("""
                quarkus.http.root-path=/app
                quarkus.smallrye-health.root-path=/health
                quarkus.smallrye-health.liveness-path=alive
                quarkus.micrometer.export.prometheus.path=prometheus
                """);
        assertEquals("/health/alive", s.livePath(), "an absolute health root ignores the non-application root");
        assertEquals("/health/started", s.startedPath());
        assertEquals("/app/q/prometheus", s.metricsPath());
    }

    @Test
    void requiredEnvironmentIsWhatHasNoDefaultInProd() throws IOException {
        Service s = describe("""
                a.secret=${A_SECRET}
                a.optional=${A_OPTIONAL:}
                %prod.b.secret=${B_SECRET}
                %test.c.secret=${C_SECRET}
                %dev.d.url=jdbc:postgresql://localhost/d
                %dev.quarkus.log.level=DEBUG
                e.uploads=${java.io.tmpdir}/x
                f.ref=${a.optional}
                quarkus.container-image.registry=${REGISTRY}
                g.version=${quarkus.application.version}
                """);
        Set<String> required = s.requiredEnvironment();
        assertTrue(required.containsAll(Set.of("A_SECRET", "B_SECRET", "D_URL")), required::toString);
        for (String absent : Set.of("A_OPTIONAL", "C_SECRET", "QUARKUS_LOG_LEVEL", "JAVA_IO_TMPDIR", "F_REF", "REGISTRY",
                "QUARKUS_APPLICATION_VERSION")) {
            assertTrue(!required.contains(absent), absent + " in " + required);
        }
        assertEquals("A_B_C__D_", ServiceConfig.envName("a.b-c.\"d\""));
    }

    @Test
    void configMappingMembersWithoutDefaultMustBeGiven() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("demo-service/src/main/java/demo"));
        Files.writeString(sources.resolve("DemoConfig.java"), """
                package demo;
                @ConfigMapping(prefix = "demo")
                public interface DemoConfig {
                    /** Needed: no default. */
                    String apiUrl();
                    @WithDefault("5") int retries(); // trailing comment
                    @WithDefault("https://example.org") java.net.URI home();
                    Optional<String> token();
                    Map<String, String> wardNames();
                    Store store();
                    interface Store {
                        @WithName("dir") String directory();
                        Set<String> allowedTypes();
                        default String label() { return "x"; }
                    }
                }
                """);
        Service s = describe("demo.store.allowed-types=a,b\n");
        Set<String> required = s.requiredEnvironment();
        assertTrue(required.containsAll(Set.of("DEMO_API_URL", "DEMO_STORE_DIR")), required::toString);
        for (String absent : Set.of("DEMO_RETRIES", "DEMO_TOKEN", "DEMO_WARD_NAMES", "DEMO_STORE_ALLOWED_TYPES",
                "DEMO_STORE_LABEL", "DEMO_STORE_DIRECTORY", "DEMO_HOME")) {
            assertTrue(!required.contains(absent), absent + " in " + required);
        }
    }

    private Service describe(String properties) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, properties);
        return Platform.describe(dir, "demo-service", ServiceConfig.load(file),
                new EventContracts(Map.of(), Map.of()));
    }
}
