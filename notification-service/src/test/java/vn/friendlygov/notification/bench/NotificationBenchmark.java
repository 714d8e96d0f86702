package vn.friendlygov.notification.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.reminder.DeadlinePlan;
import vn.friendlygov.notification.reminder.ReminderPolicy;
import vn.friendlygov.notification.service.ReminderPlanner;
import vn.friendlygov.notification.service.ReminderStore;
import vn.friendlygov.notification.service.SchedulePlanner;
import vn.friendlygov.testsupport.InJvmKafka;

/**
 * Measures, against the real broker and database of the tests (never run by the test suite: see bench/run.sh):
 * events consumed into inbox notifications per second; the p99 from publishing an event to its inbox entry at
 * 200 events/s; planning the reminders of 100 wards' full-year plans. Prints the numbers; asserts nothing.
 */
@QuarkusTest
class NotificationBenchmark {

    @Inject
    EntityManager em;
    @Inject
    ReminderPlanner planner;
    @Inject
    SchedulePlanner schedules;
    @Inject
    ReminderStore store;
    @Inject
    TestClock clock;

    @Test
    void run() throws Exception {
        clock.reset();
        loadAverage();
        try (KafkaProducer<String, String> producer = producer()) {
            publish(producer, 500, "bench-warmup", 0); // JIT, connections, partitions assigned
            awaitInbox("bench-warmup", 500, Duration.ofMinutes(2));
            throughput(producer, 5000);
            latency(producer, 100, 30); // below the saturation point of a loaded 2-core machine
            latency(producer, 200, 30); // the target rate
        }
        planning(100);
        report("load average after the run: %s", readLoad());
    }

    void loadAverage() {
        report("load average before the run: %s", readLoad());
    }

    static String readLoad() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    void throughput(KafkaProducer<String, String> producer, int n) {
        String ward = "bench-tp-" + UUID.randomUUID().toString().substring(0, 6);
        long start = System.nanoTime();
        publish(producer, n, ward, 0);
        awaitInbox(ward, n, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        report("throughput: %d task events consumed into inbox notifications in %.1f s = %.0f events/s", n, seconds,
                n / seconds);
    }

    void latency(KafkaProducer<String, String> producer, int perSecond, int seconds) {
        String ward = "bench-lat-" + UUID.randomUUID().toString().substring(0, 6);
        int n = perSecond * seconds;
        publish(producer, n, ward, perSecond);
        awaitInbox(ward, n, Duration.ofMinutes(5));
        // the subject id carries the publish time; created_at is stamped by the consumer (same JVM, same clock)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select subject_id, created_at from inbox_notification where ward = ?1").setParameter(1, ward)
                .getResultList());
        long[] ms = rows.stream().mapToLong(r -> {
            long sent = Long.parseLong(((String) r[0]).split(":")[1]);
            Instant created = r[1] instanceof OffsetDateTime o ? o.toInstant()
                    : r[1] instanceof Instant i ? i : ((java.sql.Timestamp) r[1]).toInstant();
            return created.toEpochMilli() - sent;
        }).sorted().toArray();
        report("latency at %d events/s for %d s (%d events): p50 %d ms, p99 %d ms, max %d ms", perSecond, seconds, n,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]);
    }

    void planning(int wards) {
        clock.set("2026-01-01T00:00:00Z");
        OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        long start = System.nanoTime();
        long reminders = 0;
        int subjects = 0;
        for (int w = 0; w < wards; w++) {
            String ward = "bench-plan-" + w + "-" + UUID.randomUUID().toString().substring(0, 4);
            List<DeadlinePlan.Subject> plan = fullYearPlan(ward);
            subjects += plan.size();
            reminders += QuarkusTransaction.requiringNew().call(() -> {
                ReminderPolicy policy = ReminderPolicy.of(ward);
                long count = 0;
                for (DeadlinePlan.Subject s : plan) {
                    count += planner.replan(s, policy).size();
                }
                var duties = schedules.duties(policy, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), now);
                store.upsert(duties, now);
                return count + duties.size();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report("planning: %d wards, %d task occurrences, %d reminders planned and stored in %.1f s", wards, subjects,
                reminders, seconds);
        clock.reset();
    }

    /**
     * One ward's year as criteria-service schedules the plan: 60 one-off or yearly items due across the year, two
     * weekly duties (52 occurrences each) and two monthly ones (12 each).
     */
    static List<DeadlinePlan.Subject> fullYearPlan(String ward) {
        List<DeadlinePlan.Subject> out = new ArrayList<>();
        String[] units = {"VHXH", "TTPVHCC", "VP", "KT", "TTDVSNC"};
        for (int i = 0; i < 60; i++) {
            out.add(new DeadlinePlan.Subject("TASK", ward + "-once-" + i, ward, units[i % 5], "nhiệm vụ " + i,
                    LocalDate.of(2026, 1 + i % 12, 1 + (i * 7) % 28), i % 2 == 0 ? "ONCE" : "YEARLY"));
        }
        for (int week = 0; week < 52; week++) {
            LocalDate friday = LocalDate.of(2026, 1, 2).plusWeeks(week);
            out.add(new DeadlinePlan.Subject("TASK", ward + "-visit-" + week, ward, "VP", "xuống cơ sở thôn", friday, "WEEKLY"));
            out.add(new DeadlinePlan.Subject("TASK", ward + "-front-" + week, ward, "TTPVHCC", "lấy ý kiến qua Mặt trận",
                    friday, "WEEKLY"));
        }
        for (int month = 1; month <= 12; month++) {
            LocalDate end = LocalDate.of(2026, month, 1).plusMonths(1).minusDays(1);
            out.add(new DeadlinePlan.Subject("TASK", ward + "-reception-" + month, ward, "VP", "tiếp công dân", end, "MONTHLY"));
            out.add(new DeadlinePlan.Subject("TASK", ward + "-survey-" + month, ward, "TTPVHCC", "khảo sát hài lòng", end,
                    "MONTHLY"));
        }
        return out;
    }

    void publish(KafkaProducer<String, String> producer, int n, String ward, int perSecond) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (perSecond > 0) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            String taskId = ward + "-" + i;
            String subject = taskId + ":" + System.currentTimeMillis();
            String data = "{\"taskId\":\"" + subject + "\",\"ward\":\"" + ward + "\",\"leadUnit\":\"KT\",\"title\":"
                    + "\"Công khai quy chế thực hiện dân chủ ở cơ sở\",\"toStatus\":\"IN_PROGRESS\",\"version\":1}";
            ProducerRecord<String, String> r = new ProducerRecord<>("criteria.task-events.v1", taskId, data);
            header(r, "ce_id", UUID.randomUUID().toString());
            header(r, "ce_specversion", "1.0");
            header(r, "ce_source", "/friendlygov/bench");
            header(r, "ce_type", "vn.friendlygov.criteria.task.status-changed.v1");
            header(r, "ce_ward", ward);
            producer.send(r);
        }
        producer.flush();
    }

    void awaitInbox(String ward, long n, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            long count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from inbox_notification where ward = ?1").setParameter(1, ward).getSingleResult())
                    .longValue());
            if (count >= n) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("inbox of " + ward + " did not reach " + n + " in " + timeout);
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p);
    }

    static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCH " + line);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench-results.txt"), line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
