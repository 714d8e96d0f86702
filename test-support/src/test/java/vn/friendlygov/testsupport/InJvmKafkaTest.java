package vn.friendlygov.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InJvmKafkaTest {

    @Test
    void brokerComesBackOnTheSamePortAndAProducerResumes() throws Exception {
        String bootstrap = InJvmKafka.start();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>("probe.restart", "k", "before")).get(30, TimeUnit.SECONDS);
            InJvmKafka.stopBroker();
            // send() itself may block while the producer refreshes metadata from a dead broker, so it runs on its own
            // thread while this one brings the broker back
            CompletableFuture<RecordMetadata> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return producer.send(new ProducerRecord<>("probe.restart", "k", "during")).get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            InJvmKafka.restartBroker();
            assertEquals(bootstrap, InJvmKafka.bootstrapServers());
            pending.get(120, TimeUnit.SECONDS);
        }

        List<String> values = TopicProbe.readUntil("probe.restart", Duration.ofSeconds(30), r -> r.size() >= 2)
                .stream().map(r -> r.value()).toList();
        assertEquals(List.of("before", "during"), values);
    }

    @Test
    void freshDatabaseIsCreatedAndDropped() throws Exception {
        String name;
        try (FreshDatabase db = FreshDatabase.create("probe")) {
            name = db.name();
            try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), FreshDatabase.user(), FreshDatabase.password());
                    var rs = c.createStatement().executeQuery("select current_database()")) {
                rs.next();
                assertEquals(name, rs.getString(1));
            }
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", FreshDatabase.user(), "");
                var ps = c.prepareStatement("select count(*) from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
