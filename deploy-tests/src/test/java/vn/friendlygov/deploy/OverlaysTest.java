package vn.friendlygov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.friendlygov.deploy.invariants.Rendering;
import vn.friendlygov.deploy.kustomize.Resource;
import vn.friendlygov.deploy.kustomize.Yaml;
import vn.friendlygov.deploy.platform.Platform;
import vn.friendlygov.deploy.platform.Service;

/**
 * Renders every overlay of deploy/k8s and checks it against the services as the repository describes them right
 * now (their configuration files, topic constants and the event contracts): a service that starts reading a new
 * topic or a new secret fails this test until the manifests give it one.
 */
class OverlaysTest {

    static List<String> overlays() {
        return Repo.overlays();
    }

    @Test
    void theSmallAndTheProductionOverlayAreAmongThoseChecked() {
        assertTrue(Repo.overlays().containsAll(List.of("production", "small")), Repo.overlays()::toString);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyInvariantHolds(String overlay) {
        List<Service> services = Platform.read(Repo.root());
        Rendering rendering = Repo.render(overlay);
        List<String> violations = Repo.violations(rendering, services);
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersTheWholePlatformIntoOneNamespace(String overlay) {
        Rendering rendering = Repo.render(overlay);
        for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "Cluster", "ObjectStore", "ScheduledBackup", "KafkaUser")) {
            assertEquals(4, rendering.ofKind(kind).size(), overlay + ": " + kind);
        }
        assertEquals(1, rendering.ofKind("Kafka").size());
        assertEquals(Set.of("friendlygov"), namespaces(rendering));
    }

    @Test
    void smallRunsOneOfEverythingAndKeepsEvidenceOnAVolume() {
        Rendering small = Repo.render("small");
        small.ofKind("Deployment").forEach(d -> assertEquals(1, d.path("spec").path("replicas").asInt()));
        small.ofKind("Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt()));
        assertEquals(1, small.brokers());
        String env = small.deployment("evidence-service").orElseThrow().toString();
        assertTrue(env.contains("\"claimName\":\"evidence-files\"") && env.contains("filesystem"), env);
    }

    @Test
    void productionSpreadsKafkaAndKeepsEvidenceInObjectStorage() {
        Rendering production = Repo.render("production");
        assertEquals(3, production.brokers());
        production.ofKind("KafkaTopic").forEach(t -> assertEquals(3, t.path("spec").path("replicas").asInt()));
        production.ofKind("Cluster").forEach(c -> assertEquals(3, c.path("spec").path("instances").asInt()));
        String evidence = production.deployment("evidence-service").orElseThrow().toString();
        assertTrue(evidence.contains("\"value\":\"s3\"") && !evidence.contains("persistentVolumeClaim"), evidence);
    }

    /** A manifest no kustomization lists would never be applied, nor checked here. */
    @Test
    void everyManifestIsPartOfAKustomization() throws IOException {
        Set<Path> referenced = new TreeSet<>();
        Set<Path> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    var k = Yaml.documents(file).get(0);
                    k.path("resources").forEach(r -> referenced.add(file.getParent().resolve(r.asText()).normalize()));
                    k.path("patches").forEach(p -> {
                        if (p.has("path")) {
                            referenced.add(file.getParent().resolve(p.get("path").asText()).normalize());
                        }
                    });
                } else {
                    manifests.add(file.normalize());
                }
            }
        }
        manifests.removeAll(referenced);
        assertEquals(Set.of(), manifests);
    }

    private static Set<String> namespaces(Rendering rendering) {
        Set<String> namespaces = new TreeSet<>();
        rendering.resources().forEach(r -> namespaces.add(String.valueOf(Resource.namespace(r))));
        return namespaces;
    }
}
