package vn.friendlygov.notification;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.friendlygov.testsupport.TopicProbe;

/** Publishes events as the other services would (CloudEvents binary mode), and small helpers around them. */
public final class TestEvents {

    public static final String TASKS = "criteria.task-events.v1";
    public static final String FEEDBACK = "feedback.feedback-events.v1";
    public static final String EVIDENCE = "evidence.evidence-events.v1";
    public static final String TASK = "vn.friendlygov.criteria.task.";
    public static final String FEEDBACK_TYPE = "vn.friendlygov.feedback.feedback.";
    public static final String EVIDENCE_TYPE = "vn.friendlygov.evidence.evidence.";

    private TestEvents() {
    }

    /** Publishes one event and returns its id. */
    public static String publish(String topic, String key, String type, String ward, String json) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
        header(r, "ce_id", id);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_source", "/friendlygov/test");
        header(r, "ce_type", type);
        header(r, "ce_time", "2026-03-02T00:00:00Z");
        header(r, "ce_ward", ward);
        TopicProbe.send(r);
        return id;
    }

    public static String task(String type, String taskId, String ward, String unit, String title, String dueDate,
            String recurrence, String toStatus, long version) {
        String json = "{\"taskId\":\"" + taskId + "\",\"ward\":\"" + ward + "\",\"leadUnit\":\"" + unit
                + "\",\"title\":\"" + title + "\",\"planCode\":\"KH-2026\",\"coordinatingUnits\":[\"VP\"]"
                + (dueDate == null ? "" : ",\"dueDate\":\"" + dueDate + "\"")
                + (recurrence == null ? "" : ",\"recurrence\":\"" + recurrence + "\"")
                + ",\"toStatus\":\"" + toStatus + "\",\"version\":" + version + "}";
        return publish(TASKS, taskId, TASK + type + ".v1", ward, json);
    }

    public static String uniqueWard() {
        return "w-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static <T> T tx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    public static void awaitTrue(Supplier<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tx(condition));
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
