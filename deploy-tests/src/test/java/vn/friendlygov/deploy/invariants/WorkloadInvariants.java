package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.friendlygov.deploy.platform.Service;
import vn.friendlygov.deploy.platform.ServiceConfig;

/** Per service: it runs, is probed where it really answers, and gets every setting production needs. */
public final class WorkloadInvariants {

    /** The cluster's read-write service, its database, and TLS required (the traffic crosses nodes). */
    private static final Pattern JDBC = Pattern.compile(
            "jdbc:postgresql://([a-z0-9-]+)-rw(?::5432)?/([a-z0-9_]+)\\?(?:.*&)?sslmode=(require|verify-ca|verify-full)(&.*)?");

    private WorkloadInvariants() {
    }

    public static void check(Rendering rendering, List<Service> services, Violations v) {
        for (Service service : services) {
            Optional<ObjectNode> deployment = rendering.deployment(service.name());
            v.require(deployment.isPresent(), "no Deployment %s", service.name());
            if (deployment.isEmpty()) {
                continue;
            }
            JsonNode container = Rendering.appContainer(deployment.get(), service.name());
            v.require(!container.isMissingNode(), "Deployment %s runs no container of image %s", service.name(),
                    service.name());
            if (container.isMissingNode()) {
                continue;
            }
            String where = "Deployment " + service.name();
            ContainerEnv env = new ContainerEnv(container, rendering, v, where);
            int served = env.value("QUARKUS_HTTP_PORT").map(Integer::parseInt).orElse(service.httpPort());
            probe(v, where, container, "startupProbe", service.startedPath(), served);
            probe(v, where, container, "livenessProbe", service.livePath(), served);
            probe(v, where, container, "readinessProbe", service.readyPath(), served);
            serviceObject(rendering, v, service, deployment.get(), served);
            for (String variable : service.requiredEnvironment()) {
                Optional<ContainerEnv.Source> source = env.source(variable);
                v.require(source.isPresent(), "%s: %s is read in prod and not provided", where, variable);
                v.require(source.map(s -> !s.optional()).orElse(true),
                        "%s: %s is required but its Secret reference is optional", where, variable);
            }
            database(rendering, v, service, env, where);
            writablePaths(v, service, deployment.get(), container, env, where);
            unread(rendering, v, service, container, where);
        }
    }

    /** A variable set for this service alone that it never reads is a typo or a leftover: either way, a surprise. */
    private static void unread(Rendering rendering, Violations v, Service service, JsonNode container, String where) {
        Set<String> own = new TreeSet<>();
        container.path("env").forEach(e -> own.add(e.path("name").asText()));
        rendering.find("ConfigMap", service.name() + "-config").ifPresent(m -> m.path("data").fieldNames()
                .forEachRemaining(own::add));
        for (String variable : own) {
            v.require(service.configUse().reads(variable), "%s: %s is set but %s reads no such setting", where,
                    variable, service.name());
        }
    }

    /**
     * With a read-only root file system, /tmp (multipart spooling, Vert.x cache) must be a volume; and a file store
     * configured as `<x>.storage.kind=filesystem` must write to a persistent volume, or files vanish with the pod.
     */
    private static void writablePaths(Violations v, Service service, JsonNode deployment, JsonNode container,
            ContainerEnv env, String where) {
        if (container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
            v.require(mountFor(deployment, container, "/tmp/x") != null, "%s: read-only root and no /tmp volume",
                    where);
        }
        for (String key : service.config().prodKeys()) {
            if (!key.endsWith(".storage.kind")) {
                continue;
            }
            String prefix = key.substring(0, key.length() - "kind".length());
            String kind = env.value(ServiceConfig.envName(key)).orElse(service.config().value(key, ""));
            if (!"filesystem".equals(kind)) {
                continue;
            }
            String directory = env.value(ServiceConfig.envName(prefix + "directory")).orElse("");
            JsonNode volume = directory.startsWith("/") ? mountFor(deployment, container, directory + "/x") : null;
            v.require(volume != null && volume.has("persistentVolumeClaim"),
                    "%s: %sdirectory '%s' is not on a persistent volume", where, prefix, directory);
        }
    }

    /** The volume mounted over a path, or null. */
    private static JsonNode mountFor(JsonNode deployment, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.startsWith(mount.path("mountPath").asText() + "/")) {
                for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
                    if (volume.path("name").equals(mount.path("name"))) {
                        return volume;
                    }
                }
            }
        }
        return null;
    }

    private static void probe(Violations v, String where, JsonNode container, String kind, String path, int port) {
        JsonNode get = container.path(kind).path("httpGet");
        v.require(!get.isMissingNode(), "%s: no HTTP %s", where, kind);
        if (get.isMissingNode()) {
            return;
        }
        v.require(path.equals(get.path("path").asText()), "%s: %s on %s, the service serves %s", where, kind,
                get.path("path").asText(), path);
        int port2 = containerPort(container, get.path("port"));
        v.require(port2 == port, "%s: %s on port %d, the service listens on %d", where, kind, port2, port);
    }

    /** A probe or Service port, by number or by the container port's name; -1 if the name is unknown. */
    static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static void serviceObject(Rendering rendering, Violations v, Service service, JsonNode deployment,
            int served) {
        Optional<ObjectNode> svc = rendering.find("Service", service.name());
        v.require(svc.isPresent(), "no Service %s", service.name());
        if (svc.isEmpty()) {
            return;
        }
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        svc.get().path("spec").path("selector").fields().forEachRemaining(e -> v.require(
                e.getValue().equals(podLabels.path(e.getKey())), "Service %s selects %s=%s, which its pods lack",
                service.name(), e.getKey(), e.getValue().asText()));
        JsonNode container = Rendering.appContainer(deployment, service.name());
        boolean reaches = false;
        for (JsonNode port : svc.get().path("spec").path("ports")) {
            reaches |= containerPort(container, port.path("targetPort")) == served;
        }
        v.require(reaches, "Service %s has no port reaching the container's %d", service.name(), served);
    }

    private static void database(Rendering rendering, Violations v, Service service, ContainerEnv env,
            String where) {
        String url = env.value("QUARKUS_DATASOURCE_JDBC_URL").orElse("");
        Matcher m = JDBC.matcher(url);
        String cluster = service.shortName() + "-db";
        v.require(m.matches() && m.group(1).equals(cluster), "%s: JDBC URL %s is not the read-write service of %s over TLS",
                where, url, cluster);
        Optional<ObjectNode> db = rendering.find("Cluster", cluster);
        v.require(db.isPresent(), "no CloudNativePG Cluster %s for %s", cluster, service.name());
        if (db.isPresent() && m.matches()) {
            JsonNode initdb = db.get().path("spec").path("bootstrap").path("initdb");
            v.require(m.group(2).equals(initdb.path("database").asText()), "%s: database %s, Cluster %s creates %s",
                    where, m.group(2), cluster, initdb.path("database").asText());
            v.require(!initdb.path("owner").asText().isEmpty(), "Cluster %s names no owner", cluster);
            // The owner is no superuser: extensions its migrations create must already exist.
            String init = initdb.path("postInitApplicationSQL").toString().toLowerCase(Locale.ROOT);
            for (String extension : service.databaseExtensions()) {
                v.require(init.contains("create extension if not exists " + extension), "Cluster %s: migrations of "
                        + "%s create extension %s, which the cluster does not create", cluster, service.name(), extension);
            }
        }
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            String secret = env.source(variable).map(ContainerEnv.Source::secretName).orElse("");
            v.require((cluster + "-app").equals(secret), "%s: %s from Secret '%s', CloudNativePG writes %s-app",
                    where, variable, secret, cluster);
        }
    }
}
