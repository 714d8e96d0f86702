package vn.friendlygov.deploy.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.friendlygov.deploy.Repo;

/**
 * Where a real kustomize exists (`kubectl kustomize`), the Java rendering must equal it object for object, so the
 * invariants are checked on what an operator would really apply. On a machine without kubectl the test is reported
 * as skipped, never as passed.
 */
class KubectlAgreementTest {

    static List<String> overlays() {
        return Repo.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void javaRenderingEqualsKubectlKustomize(String overlay) throws Exception {
        Path dir = Repo.k8s().resolve("overlays").resolve(overlay);
        String kubectl = kubectlKustomize(dir);
        Assumptions.assumeTrue(kubectl != null, "no kubectl with kustomize on this machine");
        Map<String, JsonNode> expected = byId(Yaml.documents(kubectl));
        Map<String, JsonNode> actual = byId(List.copyOf(Kustomize.render(dir)));
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), actual.get(id), id);
        }
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        resources.forEach(r -> byId.put(Resource.id(r), normalised(r)));
        return byId;
    }

    /** kustomize writes numbers it read as strings, and strings it read as numbers, the same way YAML does. */
    private static JsonNode normalised(JsonNode node) {
        return Yaml.documents(Yaml.MAPPER.valueToTree(node).toString()).get(0);
    }

    private static String kubectlKustomize(Path dir) throws IOException, InterruptedException {
        if (!kustomizeFiveOrLater()) {
            return null;
        }
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            // kubectl exists but cannot render: that is a real failure of the manifests, not a missing tool.
            throw new AssertionError("kubectl kustomize failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /**
     * Debian's kubectl 1.20 embeds kustomize 2, which predates the `labels` field: comparing with it would only
     * show its age. Only a kubectl embedding kustomize 5 or later counts as a reference.
     */
    private static boolean kustomizeFiveOrLater() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("Kustomize Version: v(\\d+)").matcher(out);
            return m.find() && Integer.parseInt(m.group(1)) >= 5;
        } catch (IOException e) {
            return false;
        }
    }

}
