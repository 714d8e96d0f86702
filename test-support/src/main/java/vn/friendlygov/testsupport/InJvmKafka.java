package vn.friendlygov.testsupport;

import kafka.server.BrokerServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker running inside the test JVM (Kafka's own {@link KafkaClusterTestKit}).
 * One per JVM: every Quarkus test of a module shares it. The broker can be stopped and started again on the same
 * port, which is how tests simulate a Kafka outage.
 */
public final class InJvmKafka {

    private static KafkaClusterTestKit cluster;

    static {
        // A broker fault must fail a test, never end the test JVM: Kafka's exit and halt would make Surefire report
        // a green module as "Error occurred in starting fork" with no trace of why.
        Exit.setExitProcedure((code, message) -> System.err.println("in-JVM Kafka asked to exit(" + code + "): " + message));
        Exit.setHaltProcedure((code, message) -> System.err.println("in-JVM Kafka asked to halt(" + code + "): " + message));
    }

    private InJvmKafka() {
    }

    /** Starts the broker once per JVM and returns its bootstrap servers. */
    public static synchronized String start() {
        if (cluster == null) {
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build();
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(InJvmKafka::close, "in-jvm-kafka-close"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    public static synchronized String bootstrapServers() {
        return start();
    }

    /** Stops the broker (the controller stays up): producers and consumers see Kafka as down. */
    public static synchronized void stopBroker() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again on the same listener port. */
    public static synchronized void restartBroker() {
        try {
            broker().startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("could not restart the in-JVM Kafka broker", e);
        }
    }

    private static BrokerServer broker() {
        start();
        return cluster.brokers().values().iterator().next();
    }

    /**
     * Stops the broker and controller. Called when the test session ends ({@link CloseKafkaAfterTests}), while the
     * JVM is still healthy; the shutdown hook is only the fallback.
     */
    public static synchronized void close() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the test kit's temporary directory is removed by close() when it can be
            }
            cluster = null;
        }
    }
}
