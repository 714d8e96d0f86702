package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import vn.friendlygov.deploy.kustomize.Resource;
import vn.friendlygov.deploy.platform.Service;

/**
 * Only the ingress controller (and Prometheus) reach a service; a service reaches Kafka, its own database, DNS and
 * the identity provider, and third parties only at public addresses; a database admits only its own service.
 */
public final class NetworkInvariants {

    static final Set<String> INGRESS_FROM_NAMESPACES = Set.of("ingress-nginx", "monitoring");
    static final Set<String> EGRESS_TO_NAMESPACES = Set.of("kube-system", "keycloak");
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private NetworkInvariants() {
    }

    public static void check(Rendering rendering, List<Service> services, Violations v) {
        for (Service service : services) {
            rendering.deployment(service.name()).ifPresent(d -> service(rendering, v, service, d));
        }
        for (ObjectNode cluster : rendering.ofKind("Cluster")) {
            database(rendering, v, Resource.name(cluster));
        }
    }

    private static void service(Rendering rendering, Violations v, Service service, JsonNode deployment) {
        JsonNode pod = deployment.path("spec").path("template").path("metadata").path("labels");
        boolean ingressIsolated = false;
        boolean egressIsolated = false;
        String kafka = rendering.ofKind("Kafka").stream().map(Resource::name).findFirst().orElse("?");
        for (ObjectNode policy : rendering.ofKind("NetworkPolicy")) {
            if (!selects(policy.path("spec").path("podSelector"), pod)) {
                continue;
            }
            String where = "NetworkPolicy " + Resource.name(policy);
            JsonNode types = policy.path("spec").path("policyTypes");
            ingressIsolated |= types.toString().contains("\"Ingress\"");
            egressIsolated |= types.toString().contains("\"Egress\"");
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                v.require(rule.path("from").size() > 0, "%s: an ingress rule from anywhere", where);
                for (JsonNode peer : rule.path("from")) {
                    String ns = peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText();
                    v.require(INGRESS_FROM_NAMESPACES.contains(ns) && !peer.has("ipBlock"),
                            "%s: %s may reach %s; only the ingress controller and Prometheus may", where, peer,
                            service.name());
                }
            }
            for (JsonNode rule : policy.path("spec").path("egress")) {
                v.require(rule.path("to").size() > 0 && rule.path("ports").size() > 0,
                        "%s: an egress rule to any destination or port", where);
                for (JsonNode peer : rule.path("to")) {
                    egressPeer(v, where, peer, service, kafka);
                }
            }
        }
        v.require(ingressIsolated, "no NetworkPolicy isolates the ingress of %s", service.name());
        v.require(egressIsolated, "no NetworkPolicy isolates the egress of %s", service.name());
    }

    private static void egressPeer(Violations v, String where, JsonNode peer, Service service, String kafka) {
        JsonNode pods = peer.path("podSelector").path("matchLabels");
        String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
        if (peer.has("ipBlock")) {
            List<String> except = Yamlish.texts(peer.path("ipBlock").path("except"));
            v.require(except.containsAll(PRIVATE_RANGES), "%s: ipBlock %s leaves private ranges (other pods) open",
                    where, peer.path("ipBlock"));
        } else if (peer.has("namespaceSelector")) {
            v.require(EGRESS_TO_NAMESPACES.contains(ns), "%s: egress to namespace '%s'", where, ns);
        } else if (pods.has("cnpg.io/cluster")) {
            v.require(pods.path("cnpg.io/cluster").asText().equals(service.shortName() + "-db"),
                    "%s: %s reaches another service's database %s", where, service.name(), pods.path("cnpg.io/cluster"));
        } else {
            v.require(kafka.equals(pods.path("strimzi.io/cluster").asText()) && "true".equals(
                    pods.path("strimzi.io/broker-role").asText()), "%s: egress to pods %s", where, pods);
        }
    }

    private static void database(Rendering rendering, Violations v, String cluster) {
        String owner = cluster.replaceFirst("-db$", "-service");
        boolean guarded = false;
        for (ObjectNode policy : rendering.ofKind("NetworkPolicy")) {
            JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
            if (!cluster.equals(selector.path("cnpg.io/cluster").asText())) {
                continue;
            }
            guarded |= policy.path("spec").path("policyTypes").toString().contains("\"Ingress\"");
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                v.require(rule.path("from").size() > 0, "NetworkPolicy %s admits anyone", Resource.name(policy));
                for (JsonNode peer : rule.path("from")) {
                    String app = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                    v.require(app.isEmpty() || app.equals(owner), "NetworkPolicy %s admits %s to %s",
                            Resource.name(policy), app, cluster);
                    v.require(!peer.has("ipBlock"), "NetworkPolicy %s admits addresses to %s", Resource.name(policy),
                            cluster);
                }
            }
        }
        v.require(guarded, "no NetworkPolicy guards database %s", cluster);
    }

    /** A selector's matchLabels all present on the pod (an empty selector selects every pod). */
    static boolean selects(JsonNode selector, JsonNode podLabels) {
        boolean[] all = {true};
        selector.path("matchLabels").fields().forEachRemaining(e -> all[0] &= e.getValue().equals(
                podLabels.path(e.getKey())));
        return all[0] && selector.path("matchExpressions").isEmpty();
    }

    /** Small helpers over YAML lists. */
    static final class Yamlish {
        static List<String> texts(JsonNode list) {
            List<String> texts = new java.util.ArrayList<>();
            list.forEach(n -> texts.add(n.asText()));
            return texts;
        }
    }
}
