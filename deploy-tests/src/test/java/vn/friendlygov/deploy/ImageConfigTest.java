package vn.friendlygov.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.friendlygov.deploy.invariants.Rendering;
import vn.friendlygov.deploy.kustomize.ImageRef;
import vn.friendlygov.deploy.platform.Platform;
import vn.friendlygov.deploy.platform.ServiceConfig;

/**
 * The Jib configuration in common (images cannot be built here: no registry is reachable) agrees with what the
 * manifests run: same image names, the project version as tag, the same unprivileged user, a pinned base image.
 */
class ImageConfigTest {

    private final Path common = Repo.root().resolve("common/src/main/resources/META-INF/microprofile-config.properties");

    @Test
    void imagesAreBuiltByJibOnlyWhenAskedAndTaggedWithTheProjectVersion() throws IOException {
        assertTrue(Files.readString(Repo.root().resolve("common/pom.xml")).contains(
                "<artifactId>quarkus-container-image-jib</artifactId>"));
        ServiceConfig config = ServiceConfig.load(common);
        assertEquals("false", config.value("quarkus.container-image.build", "unset"),
                "the normal build must not pull base images");
        assertEquals("${quarkus.application.version}", config.value("quarkus.container-image.tag", "unset"));
        assertFalse(config.value("quarkus.container-image.additional-tags", "").contains("latest"));
        ImageRef base = ImageRef.parse(config.value("quarkus.jib.base-jvm-image", ""));
        assertTrue(base.digest() != null || base.tag() != null && !"latest".equals(base.tag()), base.toString());
        String jvm = config.value("quarkus.jib.jvm-additional-arguments", "");
        assertTrue(jvm.contains("-XX:MaxRAMPercentage="), "heap sized from the container's memory limit");
        assertEquals(percentage(jvm, "MaxRAMPercentage"), percentage(jvm, "InitialRAMPercentage"),
                "the heap starts at its full size (memory request = limit): fewer young collections under load");
    }

    @Test
    void theManifestsRunTheImagesJibNamesAsTheUserItSets() {
        for (String overlay : Repo.overlays()) {
            Rendering rendering = Repo.render(overlay);
            for (String service : Platform.serviceModules(Repo.root())) {
                ServiceConfig config = ServiceConfig.load(common,
                        Repo.root().resolve(service + "/src/main/resources/application.properties"));
                String expected = config.value("quarkus.container-image.group", "") + "/"
                        + config.value("quarkus.application.name", "");
                JsonNode deployment = rendering.deployment(service).orElseThrow();
                ImageRef image = ImageRef.parse(Rendering.appContainer(deployment, service).path("image").asText());
                assertTrue(image.name().equals(expected) || image.name().endsWith("/" + expected),
                        overlay + ": " + image + " is not " + expected);
                assertEquals(Repo.projectVersion(), image.tag());
                int user = Integer.parseInt(config.value("quarkus.jib.user", "0"));
                assertTrue(user > 0, "non-root user in the image");
                assertEquals(user, deployment.at("/spec/template/spec/securityContext/runAsUser").asInt(),
                        overlay + ": " + service);
                assertEquals(config.value("quarkus.http.port", ""), String.valueOf(Rendering.appContainer(deployment,
                        service).at("/ports/0/containerPort").asInt()), "the port the image exposes is served");
            }
        }
        assertEquals("${quarkus.http.port}", ServiceConfig.load(common).value("quarkus.jib.ports", ""));
    }

    private static String percentage(String jvmArguments, String flag) {
        Matcher m = Pattern.compile("-XX:" + flag + "=([0-9.]+)").matcher(jvmArguments);
        return m.find() ? m.group(1) : "unset";
    }
}
