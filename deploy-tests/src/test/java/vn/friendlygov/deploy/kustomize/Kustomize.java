package vn.friendlygov.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a kustomization the way `kustomize build` does, for the subset deploy/k8s uses: resources (files and
 * directories), patches (strategic merge and JSON 6902, inline or from a file, with or without target), namespace,
 * labels and images, applied in kustomize's order. No kustomize binary is installable from the OS packages on a
 * fresh machine, hence this; {@code KubectlAgreementTest} compares it with `kubectl kustomize` where one exists.
 * A field outside the subset fails the render instead of being ignored.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "labels", "images");

    private Kustomize() {
    }

    public static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        ObjectNode kustomization = Yaml.object(Yaml.documents(file).get(0), file.toString());
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new UnsupportedOperationException(file + ": field " + field + " is outside the rendered subset");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                Yaml.documents(path).forEach(doc -> resources.add(Yaml.object(doc, path.toString())));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(resources, patch, directory);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.forEach(r -> Resource.metadata(r).put("namespace", namespace));
        }
        for (JsonNode labels : kustomization.path("labels")) {
            applyLabels(resources, labels);
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> setImages(r, image));
        }
        return resources;
    }

    private static void applyPatch(List<ObjectNode> resources, JsonNode entry, Path directory) {
        String text;
        try {
            text = entry.has("path") ? Files.readString(directory.resolve(entry.get("path").asText()))
                    : entry.path("patch").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<JsonNode> docs = Yaml.documents(text);
        JsonNode target = entry.get("target");
        if (docs.size() == 1 && docs.get(0).isArray()) {
            if (target == null) {
                throw new IllegalArgumentException("a JSON patch needs a target: " + entry);
            }
            matching(resources, target, entry).forEach(r -> JsonPatch.apply(r, docs.get(0)));
            return;
        }
        for (JsonNode doc : docs) {
            ObjectNode patch = Yaml.object(doc, "patch " + entry);
            JsonNode selector = target != null ? target
                    : patch.objectNode().put("kind", Resource.kind(patch)).put("name", Resource.name(patch));
            for (ObjectNode resource : matching(resources, selector, entry)) {
                ObjectNode body = patch.deepCopy();
                if (target != null) {
                    // With an explicit target the patch's own name does not select or rename anything.
                    body.remove("metadata");
                }
                StrategicMerge.apply(resource, body);
            }
        }
    }

    private static List<ObjectNode> matching(List<ObjectNode> resources, JsonNode target, JsonNode entry) {
        List<ObjectNode> found = new ArrayList<>();
        for (ObjectNode r : resources) {
            if (matches(target, "kind", Resource.kind(r)) && matches(target, "name", Resource.name(r))
                    && matches(target, "group", Resource.group(r)) && matches(target, "version", Resource.version(r))
                    && labelsMatch(r, target.path("labelSelector").asText(""))) {
                found.add(r);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("patch matches no resource: " + entry);
        }
        return found;
    }

    private static boolean matches(JsonNode target, String field, String actual) {
        return !target.hasNonNull(field) || Pattern.matches(target.get(field).asText(), actual);
    }

    private static boolean labelsMatch(JsonNode r, String selector) {
        for (String term : selector.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            String[] kv = term.split("=", 2);
            if (!r.path("metadata").path("labels").path(kv[0].trim()).asText("\0").equals(kv[1].trim())) {
                return false;
            }
        }
        return true;
    }

    private static void applyLabels(List<ObjectNode> resources, JsonNode labels) {
        if (labels.path("includeSelectors").asBoolean(false)) {
            throw new UnsupportedOperationException("labels with includeSelectors are outside the rendered subset");
        }
        boolean templates = labels.path("includeTemplates").asBoolean(false);
        for (ObjectNode r : resources) {
            List<ObjectNode> targets = new ArrayList<>(List.of(Resource.metadata(r)));
            if (templates && r.path("spec").path("template").isObject()) {
                targets.add(Resource.metadata((ObjectNode) r.get("spec").get("template")));
            }
            for (ObjectNode metadata : targets) {
                ObjectNode existing = metadata.has("labels") ? (ObjectNode) metadata.get("labels")
                        : metadata.putObject("labels");
                labels.path("pairs").fields().forEachRemaining(e -> existing.set(e.getKey(), e.getValue()));
            }
        }
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isArray()) {
            node.forEach(child -> setImages(child, image));
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            JsonNode child = node.get(field);
            if (("containers".equals(field) || "initContainers".equals(field)) && child instanceof ArrayNode list) {
                list.forEach(c -> retag((ObjectNode) c, image));
            } else if (child.isContainerNode()) {
                setImages(child, image);
            }
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        ImageRef ref = ImageRef.parse(container.path("image").asText());
        if (!ref.name().equals(image.path("name").asText())) {
            return;
        }
        String name = image.path("newName").asText(ref.name());
        String tag = image.has("newTag") ? image.get("newTag").asText() : ref.tag();
        String digest = image.has("digest") ? image.get("digest").asText() : ref.digest();
        container.put("image", new ImageRef(name, digest == null ? tag : null, digest).toString());
    }
}
