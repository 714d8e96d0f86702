package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.friendlygov.deploy.kustomize.ImageRef;
import vn.friendlygov.deploy.kustomize.Resource;

/** No secret value, no floating image tag, limits on everything that runs, nothing running as root. */
public final class HygieneInvariants {

    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|secret|token|credential|private|api_?key|jaas|access_?key).*");
    static final Pattern SECRET_TEXT = Pattern.compile("(?s).*(-----BEGIN|password=|ScramLoginModule).*");

    private HygieneInvariants() {
    }

    public static void check(Rendering rendering, String projectVersion, Violations v) {
        for (ObjectNode r : rendering.resources()) {
            String where = Resource.id(r);
            v.require(!"Secret".equals(Resource.kind(r)), "%s: Secrets are created by operators, never committed",
                    where);
            v.require(!SECRET_TEXT.matcher(r.toString()).matches(), "%s: contains what looks like a credential", where);
            if ("ConfigMap".equals(Resource.kind(r))) {
                r.path("data").fieldNames().forEachRemaining(k -> v.require(!SECRET_NAME.matcher(k).matches(),
                        "%s: %s belongs in a Secret", where, k));
            }
            JsonNode podSpec = r.path("spec").path("template").path("spec");
            if (!podSpec.isMissingNode()) {
                pod(v, where, podSpec, projectVersion);
            }
            limits(v, r, where);
        }
        String cnpgImage = "";
        for (ObjectNode cluster : rendering.ofKind("Cluster")) {
            cnpgImage = cluster.path("spec").path("imageName").asText();
            v.require(pinned(cnpgImage), "Cluster %s: image %s has no fixed tag", Resource.name(cluster), cnpgImage);
            databaseMemoryAndDisk(v, cluster);
        }
    }

    /**
     * The WAL kept between checkpoints ({@code max_wal_size}) within a quarter of the volume it shares with the
     * data, the WAL kept for reuse ({@code min_wal_size}), where set, not above it, and {@code shared_buffers}, where
     * set, within a quarter of the instance's memory limit: an overlay that shrinks the volume or the memory must
     * shrink these with it.
     */
    private static void databaseMemoryAndDisk(Violations v, ObjectNode cluster) {
        String name = Resource.name(cluster);
        JsonNode parameters = cluster.path("spec").path("postgresql").path("parameters");
        String wal = parameters.path("max_wal_size").asText();
        String volume = cluster.path("spec").path("storage").path("size").asText();
        v.require(!wal.isEmpty(), "Cluster %s sets no max_wal_size", name);
        // a missing volume size or memory limit is reported by the checks of their own
        v.require(wal.isEmpty() || volume.isEmpty() || 4 * bytes(wal) <= bytes(volume),
                "Cluster %s: max_wal_size %s is more than a quarter of its %s volume", name, wal, volume);
        String kept = parameters.path("min_wal_size").asText();
        v.require(kept.isEmpty() || wal.isEmpty() || bytes(kept) <= bytes(wal),
                "Cluster %s: min_wal_size %s is more than its max_wal_size %s", name, kept, wal);
        String buffers = parameters.path("shared_buffers").asText();
        String memory = cluster.path("spec").path("resources").path("limits").path("memory").asText();
        v.require(buffers.isEmpty() || memory.isEmpty() || 4 * bytes(buffers) <= bytes(memory),
                "Cluster %s: shared_buffers %s is more than a quarter of its %s memory limit", name, buffers, memory);
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(Ki|Mi|Gi|Ti|kB|MB|GB|TB)?");

    /** A Kubernetes quantity (Ki, Mi, Gi, Ti) or a PostgreSQL size (kB, MB, GB, TB; both powers of 1024) in bytes. */
    static long bytes(String size) {
        var m = SIZE.matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: " + size);
        }
        int power = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "Ki", "kB" -> 1;
            case "Mi", "MB" -> 2;
            case "Gi", "GB" -> 3;
            default -> 4;
        };
        return Long.parseLong(m.group(1)) << (10 * power);
    }

    private static void pod(Violations v, String where, JsonNode podSpec, String projectVersion) {
        JsonNode podSecurity = podSpec.path("securityContext");
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec.path(list)) {
                String name = where + " container " + c.path("name").asText();
                String image = c.path("image").asText();
                v.require(pinned(image), "%s: image %s has no fixed tag", name, image);
                ImageRef ref = ImageRef.parse(image);
                if (ref.name().contains("friendlygov/")) {
                    v.require(projectVersion.equals(ref.tag()), "%s: image tag %s, the project version is %s", name,
                            ref.tag(), projectVersion);
                }
                for (String kind : List.of("cpu", "memory")) {
                    v.require(c.path("resources").path("requests").has(kind), "%s: no %s request", name, kind);
                    v.require(c.path("resources").path("limits").has(kind), "%s: no %s limit", name, kind);
                }
                boolean nonRoot = c.path("securityContext").path("runAsNonRoot").asBoolean(
                        podSecurity.path("runAsNonRoot").asBoolean(false));
                v.require(nonRoot, "%s: may run as root", name);
                v.require(!c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true),
                        "%s: privilege escalation allowed", name);
                for (JsonNode env : c.path("env")) {
                    v.require(!(env.has("value") && SECRET_NAME.matcher(env.path("name").asText()).matches()),
                            "%s: %s has a literal value; secrets come from secretKeyRef", name,
                            env.path("name").asText());
                }
            }
        }
    }

    /** The operators' pods: Kafka nodes, entity operators and PostgreSQL instances declare their limits too. */
    private static void limits(Violations v, ObjectNode r, String where) {
        Map<String, JsonNode> declared = switch (Resource.kind(r)) {
            case "KafkaNodePool", "Cluster" -> Map.of("", r.path("spec").path("resources"));
            case "Kafka" -> Map.of(
                    " topicOperator", r.path("spec").path("entityOperator").path("topicOperator").path("resources"),
                    " userOperator", r.path("spec").path("entityOperator").path("userOperator").path("resources"));
            default -> Map.of();
        };
        declared.forEach((part, resources) -> {
            for (String kind : List.of("cpu", "memory")) {
                v.require(resources.path("limits").has(kind) && resources.path("requests").has(kind),
                        "%s%s: no %s request and limit", where, part, kind);
            }
        });
    }

    static boolean pinned(String image) {
        ImageRef ref = ImageRef.parse(image);
        return ref.digest() != null || (ref.tag() != null && !"latest".equals(ref.tag()));
    }
}
