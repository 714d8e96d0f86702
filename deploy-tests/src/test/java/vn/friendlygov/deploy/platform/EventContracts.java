package vn.friendlygov.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/2026-11-26-event-contracts.md read as data: each `## \`topic\` (producer: x-service; …)` section and the
 * services named on its "Consumers:" line.
 */
public record EventContracts(Map<String, String> producerByTopic, Map<String, Set<String>> consumersByTopic) {

    private static final Pattern SECTION = Pattern.compile("^## `([a-z0-9.-]+)` \\(producer: ([a-z-]+)");
    private static final Pattern SERVICE = Pattern.compile("\\b([a-z]+-service)\\b");

    public static EventContracts read(Path file) {
        Map<String, String> producers = new LinkedHashMap<>();
        Map<String, Set<String>> consumers = new LinkedHashMap<>();
        String topic = null;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher section = SECTION.matcher(line);
                if (section.find()) {
                    topic = section.group(1);
                    producers.put(topic, section.group(2));
                    consumers.put(topic, new LinkedHashSet<>());
                } else if (line.startsWith("## ")) {
                    topic = null;
                } else if (topic != null && line.startsWith("Consumers:")) {
                    Matcher service = SERVICE.matcher(line);
                    while (service.find()) {
                        consumers.get(topic).add(service.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventContracts(producers, consumers);
    }
}
