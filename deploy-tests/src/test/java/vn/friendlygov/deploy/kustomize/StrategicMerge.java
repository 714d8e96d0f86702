package vn.friendlygov.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch the manifests use: maps merge recursively, a null deletes a key, and
 * the pod-spec lists of built-in kinds merge by their key (containers and env by name, mounts by path), new items
 * first, as kustomize writes them. Custom resources get JSON merge-patch semantics (lists replaced). Anything else
 * ($patch directives) is refused rather than rendered differently from kustomize.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        merge(target, patch, Resource.builtIn(target));
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException("strategic-merge directive " + key + " is not supported");
            }
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value instanceof ObjectNode patchObject && existing instanceof ObjectNode targetObject) {
                merge(targetObject, patchObject, builtIn);
            } else if (value instanceof ArrayNode patchList && existing instanceof ArrayNode targetList
                    && builtIn && mergeKey(key, patchList) != null) {
                target.set(key, mergeList(targetList, patchList, mergeKey(key, patchList), builtIn));
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, ArrayNode items) {
        if ("ports".equals(field)) {
            // container ports merge by containerPort, Service ports by port
            return items.size() > 0 && items.get(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static ArrayNode mergeList(ArrayNode target, ArrayNode patch, String key, boolean builtIn) {
        ArrayNode result = target.arrayNode();
        List<ObjectNode> merged = new ArrayList<>();
        for (JsonNode item : target) {
            merged.add((ObjectNode) item.deepCopy());
        }
        for (JsonNode patchItem : patch) {
            ObjectNode match = null;
            for (ObjectNode candidate : merged) {
                if (candidate.path(key).equals(patchItem.path(key))) {
                    match = candidate;
                }
            }
            if (match != null) {
                merge(match, Yaml.object(patchItem, key), builtIn);
            } else {
                result.add(patchItem.deepCopy());
            }
        }
        merged.forEach(result::add);
        return result;
    }
}
