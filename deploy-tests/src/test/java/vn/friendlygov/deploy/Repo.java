package vn.friendlygov.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.friendlygov.deploy.invariants.ExposureInvariants;
import vn.friendlygov.deploy.invariants.HygieneInvariants;
import vn.friendlygov.deploy.invariants.KafkaInvariants;
import vn.friendlygov.deploy.invariants.NetworkInvariants;
import vn.friendlygov.deploy.invariants.Rendering;
import vn.friendlygov.deploy.invariants.Violations;
import vn.friendlygov.deploy.invariants.WorkloadInvariants;
import vn.friendlygov.deploy.kustomize.Kustomize;
import vn.friendlygov.deploy.platform.Service;

/** The working tree under test (Maven passes its root and the project version) and the checks run on it. */
public final class Repo {

    private Repo() {
    }

    public static Path root() {
        return Path.of(System.getProperty("friendlygov.repo.root", "..")).toAbsolutePath().normalize();
    }

    public static String projectVersion() {
        return System.getProperty("friendlygov.project.version", "0.1.0-SNAPSHOT");
    }

    public static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    public static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Rendering render(String overlay) {
        return new Rendering(overlay, Kustomize.render(k8s().resolve("overlays").resolve(overlay)));
    }

    /** Every invariant of one rendering; empty when the overlay is fit to apply. */
    public static List<String> violations(Rendering rendering, List<Service> services) {
        Violations v = new Violations(rendering.overlay());
        WorkloadInvariants.check(rendering, services, v);
        KafkaInvariants.check(rendering, services, v);
        NetworkInvariants.check(rendering, services, v);
        ExposureInvariants.check(rendering, services, v);
        HygieneInvariants.check(rendering, projectVersion(), v);
        return v.list();
    }
}
