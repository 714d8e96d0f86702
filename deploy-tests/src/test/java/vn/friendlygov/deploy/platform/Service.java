package vn.friendlygov.deploy.platform;

import java.util.Set;

/**
 * What one service needs from a deployment, read from the repository: the port and paths it serves, the topics
 * it reads and writes, its consumer groups and the environment production must give it.
 */
public record Service(
        String name,
        int httpPort,
        String startedPath,
        String livePath,
        String readyPath,
        String metricsPath,
        Set<String> consumedTopics,
        Set<String> producedTopics,
        Set<String> consumerGroups,
        Set<String> requiredEnvironment,
        ServiceConfig config,
        ConfigUse configUse,
        Set<String> databaseExtensions,
        java.util.Map<String, Integer> consumersPerPod,
        Set<String> restRoots) {

    /** True if the service serves something under this path prefix (a resource class lives there or above it). */
    public boolean serves(String prefix) {
        // Path segments, as an Ingress Prefix matches them: /webhook is not a prefix of /webhooks/zalo.
        String segment = prefix.endsWith("/") ? prefix : prefix + "/";
        return restRoots.stream().anyMatch(root -> root.equals(prefix) || root.startsWith(segment)
                || prefix.startsWith(root + "/"));
    }


    /** Consumer threads one pod runs on a topic (SmallRye's `partitions` attribute of the channel, default 1). */
    public int consumersPerPod(String topic) {
        return consumersPerPod.getOrDefault(topic, 1);
    }


    /** "criteria" for criteria-service: the prefix of its topics and the name of its database. */
    public String shortName() {
        return name.substring(0, name.indexOf("-service"));
    }

    public Set<String> topics() {
        Set<String> all = new java.util.TreeSet<>(consumedTopics);
        all.addAll(producedTopics);
        return all;
    }
}
