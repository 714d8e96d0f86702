package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets, as Kubernetes assembles it: `envFrom` ConfigMaps first, then `env` entries
 * over them. Values from Secrets are known by reference only.
 */
public final class ContainerEnv {

    /** How a variable reaches the container: a literal (or ConfigMap) value, or a reference to a Secret key. */
    public record Source(String value, String secretName, String secretKey, boolean optional) {
        boolean fromSecret() {
            return secretName != null;
        }
    }

    private final Map<String, Source> variables = new LinkedHashMap<>();

    public ContainerEnv(JsonNode container, Rendering rendering, Violations violations, String where) {
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("secretRef")) {
                violations.require(false, "%s: envFrom secretRef %s hides which keys it provides; use secretKeyRef",
                        where, from.path("secretRef").path("name").asText());
                continue;
            }
            String name = from.path("configMapRef").path("name").asText();
            Optional<com.fasterxml.jackson.databind.node.ObjectNode> map = rendering.find("ConfigMap", name);
            violations.require(map.isPresent(), "%s: envFrom ConfigMap %s is not part of the overlay", where, name);
            map.ifPresent(m -> m.path("data").fields().forEachRemaining(e -> variables.put(
                    from.path("prefix").asText("") + e.getKey(), new Source(e.getValue().asText(), null, null, false))));
        }
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            JsonNode configMap = env.path("valueFrom").path("configMapKeyRef");
            if (!secret.isMissingNode()) {
                variables.put(name, new Source(null, secret.path("name").asText(), secret.path("key").asText(),
                        secret.path("optional").asBoolean(false)));
            } else if (!configMap.isMissingNode()) {
                String mapName = configMap.path("name").asText();
                JsonNode value = rendering.find("ConfigMap", mapName).map(m -> m.path("data")
                        .path(configMap.path("key").asText())).orElse(null);
                violations.require(value != null && !value.isMissingNode(), "%s: %s refers to %s/%s, which is absent",
                        where, name, mapName, configMap.path("key").asText());
                variables.put(name, new Source(value == null ? null : value.asText(), null, null, false));
            } else {
                variables.put(name, new Source(env.path("value").asText(""), null, null, false));
            }
        }
    }

    public Optional<Source> source(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** A literal or ConfigMap value; empty for Secret references and absent variables. */
    public Optional<String> value(String name) {
        return source(name).filter(s -> !s.fromSecret()).map(Source::value);
    }

    public Map<String, Source> all() {
        return variables;
    }
}
