package vn.friendlygov.deploy.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.friendlygov.deploy.kustomize.Resource;
import vn.friendlygov.deploy.platform.Service;

/** Every topic a service names exists, fits the brokers, and each service's user may use exactly its topics. */
public final class KafkaInvariants {

    private KafkaInvariants() {
    }

    public static void check(Rendering rendering, List<Service> services, Violations v) {
        List<ObjectNode> clusters = rendering.ofKind("Kafka");
        v.require(clusters.size() == 1, "expected one Kafka cluster, found %d", clusters.size());
        if (clusters.size() != 1) {
            return;
        }
        ObjectNode kafka = clusters.get(0);
        String cluster = Resource.name(kafka);
        int brokers = rendering.brokers();
        cluster(rendering, v, kafka, brokers);
        Map<String, JsonNode> topics = topics(rendering, v, cluster, brokers);
        Set<String> used = new TreeSet<>();
        for (Service service : services) {
            used.addAll(service.topics());
            for (String topic : service.topics()) {
                v.require(topics.containsKey(topic), "%s uses topic %s, which has no KafkaTopic", service.name(), topic);
            }
            acls(rendering, v, service);
            client(rendering, v, service, kafka);
            rendering.find("HorizontalPodAutoscaler", service.name()).ifPresent(hpa -> {
                int max = hpa.path("spec").path("maxReplicas").asInt();
                for (String topic : service.consumedTopics()) {
                    if (topics.containsKey(topic)) {
                        int partitions = topics.get(topic).path("spec").path("partitions").asInt();
                        int consumers = max * service.consumersPerPod(topic);
                        v.require(consumers <= partitions, "HPA %s scales to %d pods, %d consumers of %s, which has "
                                + "%d partitions", service.name(), max, consumers, topic, partitions);
                    }
                }
            });
        }
        topics.keySet().forEach(t -> v.require(used.contains(t), "KafkaTopic %s is used by no service", t));
    }

    private static void cluster(Rendering rendering, Violations v, ObjectNode kafka, int brokers) {
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        v.require(brokers >= 1, "no KafkaNodePool with the broker role");
        int controllers = 0;
        for (JsonNode pool : rendering.ofKind("KafkaNodePool")) {
            v.require(Resource.name(kafka).equals(pool.path("metadata").path("labels").path("strimzi.io/cluster")
                    .asText()), "KafkaNodePool %s belongs to no cluster of this overlay", Resource.name(pool));
            for (JsonNode role : pool.path("spec").path("roles")) {
                controllers += "controller".equals(role.asText()) ? pool.path("spec").path("replicas").asInt() : 0;
            }
        }
        v.require(controllers % 2 == 1, "KRaft needs an odd number of controllers, found %d", controllers);
        v.require("false".equals(config.path("auto.create.topics.enable").asText()),
                "auto.create.topics.enable must be false: topics come from KafkaTopic resources");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            v.require(config.path(key).asInt(Integer.MAX_VALUE) <= brokers, "Kafka %s=%s exceeds %d broker(s)", key,
                    config.path(key).asText(), brokers);
        }
        v.require(config.path("min.insync.replicas").asInt(1) <= config.path("default.replication.factor").asInt(1),
                "Kafka min.insync.replicas exceeds default.replication.factor");
        v.require("simple".equals(kafka.path("spec").path("kafka").path("authorization").path("type").asText()),
                "Kafka authorization must be enabled (simple) for the ACLs to mean anything");
    }

    private static Map<String, JsonNode> topics(Rendering rendering, Violations v, String cluster, int brokers) {
        Map<String, JsonNode> topics = new HashMap<>();
        for (ObjectNode topic : rendering.ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Resource.name(topic));
            topics.put(name, topic);
            JsonNode spec = topic.path("spec");
            int replicas = spec.path("replicas").asInt(0);
            int minIsr = spec.path("config").path("min.insync.replicas").asInt(1);
            v.require(cluster.equals(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    "KafkaTopic %s is not labelled for cluster %s", name, cluster);
            v.require(spec.path("partitions").asInt(0) >= 1, "KafkaTopic %s: partitions not chosen", name);
            v.require(replicas >= 1 && replicas <= brokers, "KafkaTopic %s: %d replicas on %d broker(s)", name,
                    replicas, brokers);
            v.require(minIsr <= replicas && (replicas == 1 || minIsr < replicas),
                    "KafkaTopic %s: min.insync.replicas %d of %d replicas stops writes when one broker is down",
                    name, minIsr, replicas);
            v.require(spec.path("config").has("retention.ms"), "KafkaTopic %s: retention not chosen", name);
        }
        return topics;
    }

    private static void acls(Rendering rendering, Violations v, Service service) {
        Optional<ObjectNode> user = rendering.find("KafkaUser", service.name());
        v.require(user.isPresent(), "no KafkaUser %s", service.name());
        if (user.isEmpty()) {
            return;
        }
        Set<String> expected = new TreeSet<>();
        service.consumedTopics().forEach(t -> expected.addAll(List.of("topic " + t + " Read", "topic " + t + " Describe")));
        service.producedTopics().forEach(t -> expected.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
        service.consumerGroups().forEach(g -> expected.add("group " + g + " Read"));
        Set<String> actual = new TreeSet<>();
        JsonNode spec = user.get().path("spec");
        v.require("scram-sha-512".equals(spec.path("authentication").path("type").asText()),
                "KafkaUser %s must authenticate with SCRAM-SHA-512 (the listener's mechanism)", service.name());
        for (JsonNode acl : spec.path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            v.require("literal".equals(resource.path("patternType").asText("literal")) && !"*".equals(
                    resource.path("name").asText()), "KafkaUser %s: ACL on %s is not literal", service.name(), resource);
            v.require("deny".equalsIgnoreCase(acl.path("type").asText("allow")) || acl.path("host").asText("*")
                    .equals("*"), "KafkaUser %s: host-restricted ACL", service.name());
            for (JsonNode op : acl.path("operations")) {
                actual.add(resource.path("type").asText() + " " + resource.path("name").asText() + " " + op.asText());
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        v.require(missing.isEmpty(), "KafkaUser %s lacks %s", service.name(), missing);
        v.require(extra.isEmpty(), "KafkaUser %s allows more than its configuration uses: %s", service.name(), extra);
    }

    private static void client(Rendering rendering, Violations v, Service service, ObjectNode kafka) {
        Optional<ObjectNode> deployment = rendering.deployment(service.name());
        if (deployment.isEmpty()) {
            return;
        }
        JsonNode container = Rendering.appContainer(deployment.get(), service.name());
        String where = "Deployment " + service.name();
        // WorkloadInvariants already reports problems of the environment itself.
        ContainerEnv env = new ContainerEnv(container, rendering, new Violations(rendering.overlay()), where);
        int port = -1;
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (listener.path("tls").asBoolean() && "scram-sha-512".equals(
                    listener.path("authentication").path("type").asText())) {
                port = listener.path("port").asInt();
            }
        }
        String bootstrap = Resource.name(kafka) + "-kafka-bootstrap:" + port;
        v.require(env.value("KAFKA_BOOTSTRAP_SERVERS").orElse("").equals(bootstrap),
                "%s: KAFKA_BOOTSTRAP_SERVERS is not the TLS/SCRAM listener %s", where, bootstrap);
        v.require(env.value("KAFKA_SECURITY_PROTOCOL").orElse("").equals("SASL_SSL"), "%s: not SASL_SSL", where);
        v.require(env.value("KAFKA_SASL_MECHANISM").orElse("").equals("SCRAM-SHA-512"), "%s: not SCRAM", where);
        ContainerEnv.Source jaas = env.source("KAFKA_SASL_JAAS_CONFIG").orElse(null);
        v.require(jaas != null && service.name().equals(jaas.secretName()) && "sasl.jaas.config".equals(
                jaas.secretKey()), "%s: KAFKA_SASL_JAAS_CONFIG is not its KafkaUser's sasl.jaas.config", where);
        String truststore = env.value("KAFKA_SSL_TRUSTSTORE_LOCATION").orElse("");
        String caSecret = Resource.name(kafka) + "-cluster-ca-cert";
        boolean mounted = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            for (JsonNode volume : deployment.get().path("spec").path("template").path("spec").path("volumes")) {
                mounted |= volume.path("name").equals(mount.path("name"))
                        && caSecret.equals(volume.path("secret").path("secretName").asText())
                        && truststore.startsWith(mount.path("mountPath").asText() + "/");
            }
        }
        v.require(mounted, "%s: truststore %s is not mounted from %s", where, truststore, caSecret);
    }
}
