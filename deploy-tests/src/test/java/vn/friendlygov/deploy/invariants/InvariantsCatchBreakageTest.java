package vn.friendlygov.deploy.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.friendlygov.deploy.Repo;
import vn.friendlygov.deploy.kustomize.Yaml;
import vn.friendlygov.deploy.platform.EventContracts;
import vn.friendlygov.deploy.platform.Platform;
import vn.friendlygov.deploy.platform.Service;
import vn.friendlygov.deploy.platform.ServiceConfig;

/** Each invariant fails on the breakage it exists for: the production rendering, damaged one way at a time. */
class InvariantsCatchBreakageTest {

    private final List<Service> services = Platform.read(Repo.root());

    @Test
    void theUndamagedRenderingPasses() {
        assertEquals(List.of(), Repo.violations(Repo.render("production"), services));
    }

    @Test
    void aTopicAServiceUsesWithoutKafkaTopic() {
        assertViolation("uses topic criteria.task-events.v1, which has no KafkaTopic", r -> r.resources()
                .removeIf(o -> "criteria.task-events.v1".equals(o.at("/metadata/name").asText())));
    }

    @Test
    void anAclBeyondWhatTheConfigurationUses() {
        assertViolation("KafkaUser feedback-service allows more than its configuration uses: [topic "
                + "criteria.task-events.v1 Read]", r -> ((ArrayNode) r.find("KafkaUser", "feedback-service")
                .orElseThrow().at("/spec/authorization/acls")).add(Yaml.documents(
                "{resource: {type: topic, name: criteria.task-events.v1}, operations: [Read]}").get(0)));
    }

    @Test
    void aProbeOnAPathOrPortTheServiceDoesNotServe() {
        assertViolation("readinessProbe on /q/health, the service serves /q/health/ready", r -> container(r,
                "criteria-service").with("readinessProbe").with("httpGet").put("path", "/q/health"));
        assertViolation("startupProbe on port 8080, the service listens on 8081", r -> ((ObjectNode) container(r,
                "criteria-service").at("/ports/0")).put("containerPort", 8080));
    }

    @Test
    void movingThePortIsFineWhenTheServiceIsToldTo() {
        List<String> violations = violations(r -> {
            ((ObjectNode) container(r, "criteria-service").at("/ports/0")).put("containerPort", 8080);
            ((ArrayNode) container(r, "criteria-service").get("env")).add(Yaml.documents(
                    "{name: QUARKUS_HTTP_PORT, value: '8080'}").get(0));
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void aSettingTheServiceStartsToReadInProd(@TempDir Path dir) throws IOException {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, """
                quarkus.http.port=8084
                %prod.quarkus.mailer.password=${SMTP_PASSWORD}
                quarkus.mailer.host=${SMTP_HOST:localhost}
                %dev.notification.zalo.app-id=local-app
                """);
        Service changed = Platform.describe(Repo.root(), "notification-service", ServiceConfig.load(
                Repo.root().resolve("notification-service/src/main/resources/application.properties"), properties),
                EventContracts.read(Repo.root().resolve("docs/2026-11-26-event-contracts.md")));
        List<Service> all = new ArrayList<>(services);
        all.replaceAll(s -> s.name().equals(changed.name()) ? changed : s);
        List<String> found = Repo.violations(Repo.render("production"), all);
        assertTrue(found.contains("production: Deployment notification-service: SMTP_PASSWORD is read in prod and "
                + "not provided"), found::toString);
        assertTrue(found.stream().noneMatch(v -> v.contains("SMTP_HOST")), "a default makes it optional");
        assertTrue(found.stream().anyMatch(v -> v.contains("NOTIFICATION_ZALO_APP_ID is required but its Secret "
                + "reference is optional")), found::toString);
    }

    @Test
    void anExtensionTheMigrationsNeedButTheClusterLacks() {
        assertViolation("migrations of feedback-service create extension pg_trgm, which the cluster does not create",
                r -> ((ArrayNode) r.find("Cluster", "feedback-db").orElseThrow()
                        .at("/spec/bootstrap/initdb/postInitApplicationSQL")).remove(1));
    }

    @Test
    void aVariableTheServiceNeverReads() {
        assertViolation("EVIDENCE_STORAGE_TYPE is set but evidence-service reads no such setting", r -> ((ArrayNode)
                container(r, "evidence-service").get("env")).add(Yaml.documents(
                "{name: EVIDENCE_STORAGE_TYPE, value: s3}").get(0)));
        assertViolation("FEEDBACK_REPLY_EVRY is set but feedback-service reads no such setting", r -> r.find(
                "ConfigMap", "feedback-service-config").orElseThrow().with("data").put("FEEDBACK_REPLY_EVRY",
                "x"));
    }

    @Test
    void aSecretValueInTheManifests() {
        assertViolation("QUARKUS_DATASOURCE_PASSWORD has a literal value", r -> ((ArrayNode) container(r,
                "evidence-service").get("env")).add(Yaml.documents(
                "{name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}").get(0)));
        assertViolation("Secret/leaked: Secrets are created by operators", r -> r.resources().add((ObjectNode)
                Yaml.documents("{apiVersion: v1, kind: Secret, metadata: {name: leaked}}").get(0)));
    }

    @Test
    void aFloatingImageOrAMissingLimit() {
        assertViolation("image friendlygov/criteria-service:latest has no fixed tag", r -> container(r,
                "criteria-service").put("image", "friendlygov/criteria-service:latest"));
        assertViolation("container app: no memory limit", r -> ((ObjectNode) container(r, "feedback-service")
                .at("/resources/limits")).remove("memory"));
        assertViolation("Cluster/criteria-db: no cpu request and limit", r -> r.find("Cluster", "criteria-db")
                .orElseThrow().with("spec").remove("resources"));
    }

    @Test
    void aDatabaseVolumeOrMemoryTooSmallForItsSettings() {
        assertViolation("Cluster feedback-db: max_wal_size 4GB is more than a quarter of its 10Gi volume",
                r -> r.find("Cluster", "feedback-db").orElseThrow().with("spec").with("storage").put("size", "10Gi"));
        assertViolation("Cluster criteria-db: shared_buffers 1GB is more than a quarter of its 2Gi memory limit",
                r -> r.find("Cluster", "criteria-db").orElseThrow().with("spec").with("postgresql")
                        .with("parameters").put("shared_buffers", "1GB"));
        assertViolation("Cluster feedback-db: min_wal_size 2GB is more than its max_wal_size 1GB",
                r -> r.find("Cluster", "feedback-db").orElseThrow().with("spec").with("postgresql")
                        .with("parameters").put("max_wal_size", "1GB"));
        assertViolation("Cluster evidence-db sets no max_wal_size", r -> r.find("Cluster", "evidence-db")
                .orElseThrow().with("spec").with("postgresql").with("parameters").remove("max_wal_size"));
    }

    @Test
    void aServiceReachingAnotherServicesDatabaseOrExposingQ() {
        assertViolation("criteria-service reaches another service's database \"feedback-db\"", r -> ((ObjectNode)
                r.find("NetworkPolicy", "criteria-service").orElseThrow()
                        .at("/spec/egress/1/to/0/podSelector/matchLabels")).put("cnpg.io/cluster", "feedback-db"));
        assertViolation("/webhook leads to feedback-service, which serves nothing under it", r -> ((ObjectNode)
                r.find("Ingress", "public").orElseThrow().at("/spec/rules/0/http/paths/2")).put("path", "/webhook"));
        assertViolation("path /q/metrics exposes /q", r -> ((ObjectNode) r.find("Ingress", "public").orElseThrow()
                .at("/spec/rules/0/http/paths/0")).put("path", "/q/metrics"));
        assertViolation("JDBC URL jdbc:postgresql://feedback-db-rw:5432/feedback?sslmode=require is not the "
                + "read-write service of criteria-db", r -> r.find("ConfigMap", "criteria-service-config").orElseThrow()
                .with("data").put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://feedback-db-rw:5432/feedback"
                        + "?sslmode=require"));
        assertViolation("JDBC URL jdbc:postgresql://criteria-db-rw:5432/criteria is not the read-write service of "
                + "criteria-db over TLS", r -> r.find("ConfigMap", "criteria-service-config").orElseThrow()
                .with("data").put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://criteria-db-rw:5432/criteria"));
    }

    @Test
    void scalingPastPartitionsOrBlockingDrains() {
        assertViolation("HPA notification-service scales to 12 pods, 36 consumers of criteria.task-events.v1, which has 12 "
                + "partitions",
                r -> r.find("HorizontalPodAutoscaler", "notification-service").orElseThrow().with("spec")
                        .put("maxReplicas", 12));
        assertViolation("minAvailable 2 with 2 replica(s) blocks every node drain", r -> r.find(
                "PodDisruptionBudget", "criteria-service").orElseThrow().with("spec").put("minAvailable", 2));
    }

    private void assertViolation(String expected, Consumer<Rendering> damage) {
        List<String> found = violations(damage);
        assertTrue(found.stream().anyMatch(v -> v.contains(expected)), () -> "expected '" + expected + "' in "
                + found);
    }

    private List<String> violations(Consumer<Rendering> damage) {
        Rendering rendering = Repo.render("production");
        Rendering damaged = new Rendering(rendering.overlay(), new ArrayList<>(rendering.resources()));
        damage.accept(damaged);
        return Repo.violations(damaged, services);
    }

    private static ObjectNode container(Rendering r, String service) {
        return (ObjectNode) Rendering.appContainer(r.deployment(service).orElseThrow(), service);
    }
}
