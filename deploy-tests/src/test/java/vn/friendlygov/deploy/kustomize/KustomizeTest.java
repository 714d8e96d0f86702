package vn.friendlygov.deploy.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendering subset on small kustomizations, each feature on its own. */
class KustomizeTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
              template:
                spec:
                  containers:
                    - name: app
                      image: friendlygov/web
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
            """;

    @Test
    void strategicMergeMergesContainersAndEnvByNameAndNullDeletes() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  strategy: {type: Recreate, rollingUpdate: null}
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                """);
        JsonNode container = only(Kustomize.render(dir.resolve("overlay")))
                .at("/spec/template/spec/containers/0");
        assertEquals("friendlygov/web", container.path("image").asText(), "the container kept what the patch omits");
        assertEquals(List.of("C=3", "A=1", "B=20"), env(container), "new items first, existing merged in place");
        JsonNode strategy = only(Kustomize.render(dir.resolve("overlay"))).at("/spec/strategy");
        assertEquals("{\"type\":\"Recreate\"}", strategy.toString());
    }

    @Test
    void jsonPatchWithAKindTargetReachesEveryMatch() throws IOException {
        write("kustomization.yaml", """
                resources: [a.yaml]
                patches:
                  - target: {kind: Deployment}
                    patch: |-
                      - {op: replace, path: /spec/replicas, value: 1}
                      - {op: add, path: /spec/paused, value: true}
                      - {op: remove, path: /spec/strategy/rollingUpdate}
                """);
        write("a.yaml", DEPLOYMENT + "---\n" + DEPLOYMENT.replace("name: web", "name: api"));
        List<ObjectNode> rendered = Kustomize.render(dir);
        assertEquals(2, rendered.size());
        for (ObjectNode r : rendered) {
            assertEquals(1, r.at("/spec/replicas").asInt());
            assertEquals(true, r.at("/spec/paused").asBoolean());
            assertFalse(r.at("/spec/strategy").has("rollingUpdate"));
        }
    }

    @Test
    void namespaceLabelsAndImagesApplyToTheWholeRendering() throws IOException {
        write("kustomization.yaml", """
                namespace: city
                labels:
                  - pairs: {app.kubernetes.io/part-of: friendlygov}
                resources: [web.yaml]
                images:
                  - {name: friendlygov/web, newName: registry.example/friendlygov/web, newTag: 1.2.3}
                """);
        write("web.yaml", DEPLOYMENT);
        ObjectNode web = only(Kustomize.render(dir));
        assertEquals("city", web.at("/metadata/namespace").asText());
        assertEquals("friendlygov", web.at("/metadata/labels/app.kubernetes.io~1part-of").asText());
        assertEquals("registry.example/friendlygov/web:1.2.3", web.at("/spec/template/spec/containers/0/image")
                .asText());
        assertFalse(web.at("/spec/template/metadata").has("labels"), "labels stay off templates and selectors");
    }

    @Test
    void whatTheSubsetCannotRenderFailsInsteadOfRenderingWrong() throws IOException {
        write("kustomization.yaml", "resources: [web.yaml]\nconfigMapGenerator: []\n");
        write("web.yaml", DEPLOYMENT);
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.render(dir));
        write("kustomization.yaml", "resources: [web.yaml]\npatches:\n  - target: {kind: Service}\n    patch: |-\n"
                + "      - {op: replace, path: /spec/replicas, value: 1}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir), "a patch matching nothing");
        write("kustomization.yaml", "resources: [web.yaml]\npatches:\n  - target: {kind: Deployment}\n    patch: |-\n"
                + "      - {op: replace, path: /spec/absent, value: 1}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir), "replace of an absent path");
    }

    @Test
    void imageReferencesKeepRegistryPortsAndDigests() {
        assertEquals(new ImageRef("registry:5000/a/b", "1.0", null), ImageRef.parse("registry:5000/a/b:1.0"));
        assertEquals(new ImageRef("registry:5000/a/b", null, null), ImageRef.parse("registry:5000/a/b"));
        assertEquals(new ImageRef("a/b", null, "sha256:00"), ImageRef.parse("a/b@sha256:00"));
    }

    private static ObjectNode only(List<ObjectNode> rendered) {
        assertEquals(1, rendered.size());
        return rendered.get(0);
    }

    private static List<String> env(JsonNode container) {
        return java.util.stream.StreamSupport.stream(container.path("env").spliterator(), false)
                .map(e -> e.path("name").asText() + "=" + e.path("value").asText()).toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
