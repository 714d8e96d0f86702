package vn.friendlygov.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Helpers over one rendered Kubernetes object. */
public final class Resource {

    private Resource() {
    }

    public static String kind(JsonNode r) {
        return r.path("kind").asText();
    }

    public static String name(JsonNode r) {
        return r.path("metadata").path("name").asText();
    }

    public static String namespace(JsonNode r) {
        return r.path("metadata").path("namespace").asText(null);
    }

    /** The API group: "" for the core group, "apps" for apps/v1, "kafka.strimzi.io" for kafka.strimzi.io/v1beta2. */
    public static String group(JsonNode r) {
        String apiVersion = r.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    public static String version(JsonNode r) {
        String apiVersion = r.path("apiVersion").asText();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** Built-in kinds merge lists by key in a strategic-merge patch; custom resources replace lists whole. */
    public static boolean builtIn(JsonNode r) {
        String group = group(r);
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    public static String id(JsonNode r) {
        return kind(r) + "/" + name(r);
    }

    public static ObjectNode metadata(ObjectNode r) {
        JsonNode metadata = r.get("metadata");
        return metadata instanceof ObjectNode o ? o : r.putObject("metadata");
    }
}
