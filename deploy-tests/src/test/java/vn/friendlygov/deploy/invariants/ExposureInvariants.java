package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.friendlygov.deploy.kustomize.Resource;
import vn.friendlygov.deploy.platform.Service;

/** Ingress, scaling, disruption budgets, scraping and storage fit the services they point at. */
public final class ExposureInvariants {

    private ExposureInvariants() {
    }

    public static void check(Rendering rendering, List<Service> services, Violations v) {
        ingresses(rendering, services, v);
        for (Service service : services) {
            Optional<ObjectNode> deployment = rendering.deployment(service.name());
            if (deployment.isEmpty()) {
                continue;
            }
            JsonNode pod = deployment.get().path("spec").path("template").path("metadata").path("labels");
            Optional<ObjectNode> hpa = rendering.find("HorizontalPodAutoscaler", service.name());
            v.require(hpa.isPresent(), "no HorizontalPodAutoscaler for %s", service.name());
            int min = hpa.map(h -> h.path("spec").path("minReplicas").asInt(1)).orElse(1);
            int max = hpa.map(h -> h.path("spec").path("maxReplicas").asInt()).orElse(1);
            hpa.ifPresent(h -> v.require("Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind")
                    .asText()) && service.name().equals(h.path("spec").path("scaleTargetRef").path("name").asText())
                    && min <= max, "HPA %s does not scale its Deployment sensibly", service.name()));
            Optional<ObjectNode> pdb = rendering.find("PodDisruptionBudget", service.name());
            v.require(pdb.isPresent(), "no PodDisruptionBudget for %s", service.name());
            pdb.ifPresent(p -> {
                v.require(NetworkInvariants.selects(p.path("spec").path("selector"), pod),
                        "PodDisruptionBudget %s does not select the service's pods", service.name());
                v.require(p.path("spec").path("minAvailable").asInt(0) < min,
                        "PodDisruptionBudget %s: minAvailable %d with %d replica(s) blocks every node drain",
                        service.name(), p.path("spec").path("minAvailable").asInt(), min);
            });
            scraped(rendering, v, service, deployment.get(), pod);
            storage(rendering, v, service, deployment.get(), max);
        }
    }

    private static void ingresses(Rendering rendering, List<Service> services, Violations v) {
        for (ObjectNode ingress : rendering.ofKind("Ingress")) {
            String where = "Ingress " + Resource.name(ingress);
            Set<String> tlsHosts = new TreeSet<>();
            ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                v.require(tlsHosts.contains(rule.path("host").asText()), "%s: host %s without TLS", where,
                        rule.path("host").asText());
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText("/");
                    v.require(!p.equals("/") && !p.startsWith("/q"), "%s: path %s exposes /q (health, metrics)",
                            where, p);
                    JsonNode backend = path.path("backend").path("service");
                    services.stream().filter(s -> s.name().equals(backend.path("name").asText())).findFirst()
                            .ifPresent(s -> v.require(s.serves(p), "%s: %s leads to %s, which serves nothing under it",
                                    where, p, s.name()));
                    Optional<ObjectNode> svc = rendering.find("Service", backend.path("name").asText());
                    v.require(svc.isPresent(), "%s: backend %s is no Service", where, backend.path("name").asText());
                    svc.ifPresent(s -> v.require(s.path("spec").path("ports").toString().contains(
                            "\"name\":\"" + backend.path("port").path("name").asText() + "\""),
                            "%s: Service %s has no port %s", where, Resource.name(s), backend.path("port")));
                }
            }
        }
    }

    private static void scraped(Rendering rendering, Violations v, Service service, JsonNode deployment,
            JsonNode pod) {
        boolean scraped = false;
        JsonNode container = Rendering.appContainer(deployment, service.name());
        for (ObjectNode monitor : rendering.ofKind("PodMonitor")) {
            if (!NetworkInvariants.selects(monitor.path("spec").path("selector"), pod)) {
                continue;
            }
            for (JsonNode endpoint : monitor.path("spec").path("podMetricsEndpoints")) {
                scraped |= service.metricsPath().equals(endpoint.path("path").asText())
                        && WorkloadInvariants.containerPort(container, endpoint.path("port")) > 0;
            }
        }
        v.require(scraped, "Prometheus does not scrape %s at %s", service.name(), service.metricsPath());
    }

    /** A ReadWriteOnce volume can be mounted by one pod: one replica, and the old pod gone before the new starts. */
    private static void storage(Rendering rendering, Violations v, Service service, JsonNode deployment, int max) {
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
            if (claim.isEmpty()) {
                continue;
            }
            Optional<ObjectNode> pvc = rendering.find("PersistentVolumeClaim", claim);
            v.require(pvc.isPresent(), "%s mounts claim %s, which is not in the overlay", service.name(), claim);
            if (pvc.isPresent() && pvc.get().path("spec").path("accessModes").toString().contains("ReadWriteOnce")) {
                v.require(max == 1 && deployment.path("spec").path("replicas").asInt(1) == 1
                        && "Recreate".equals(deployment.path("spec").path("strategy").path("type").asText()),
                        "%s shares ReadWriteOnce claim %s: needs one replica, HPA max 1 and Recreate",
                        service.name(), claim);
            }
        }
    }
}
