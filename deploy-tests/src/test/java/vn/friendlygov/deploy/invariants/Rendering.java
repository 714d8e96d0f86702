package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import vn.friendlygov.deploy.kustomize.Resource;

/** One rendered overlay: the objects an operator would apply, with lookups by kind and name. */
public record Rendering(String overlay, List<ObjectNode> resources) {

    public List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(Resource.kind(r))).toList();
    }

    public Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Resource.name(r))).findFirst();
    }

    /** The Deployment of a service and its application container (the one running the service's image). */
    public Optional<ObjectNode> deployment(String service) {
        return find("Deployment", service);
    }

    public static JsonNode appContainer(JsonNode deployment, String service) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (container.path("image").asText().contains("/" + service + ":")) {
                return container;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Kafka brokers in the node pools: the upper bound of any replication factor. */
    public int brokers() {
        int brokers = 0;
        for (JsonNode pool : ofKind("KafkaNodePool")) {
            for (JsonNode role : pool.path("spec").path("roles")) {
                if ("broker".equals(role.asText())) {
                    brokers += pool.path("spec").path("replicas").asInt();
                }
            }
        }
        return brokers;
    }
}
