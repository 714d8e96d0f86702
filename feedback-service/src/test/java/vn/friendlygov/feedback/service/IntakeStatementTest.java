package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;

/** The one statement that writes an intake batch ({@link IntakeStatement}), through {@link IntakeService#storeAll}. */
@QuarkusTest
class IntakeStatementTest {

    @Inject
    IntakeService intake;

    private Feedback prepared(String text) {
        return intake.prepare(Submission.of("phu-lien", FeedbackChannel.WEB, "MOI_TRUONG", text, "citizen"), "");
    }

    private static Idempotency.Claim claim(String key) {
        return new Idempotency.Claim("test", key, "hash-" + key);
    }

    @Test
    void aCaseWhoseKeyIsTakenIsNotWrittenNorAnyOfItsRowsAndTheOthersAreWrittenWhole() {
        String tag = UUID.randomUUID().toString();
        Idempotency.Claim taken = claim("taken-" + tag);
        Idempotency.Claim free = claim("free-" + tag);
        Feedback earlier = prepared("Phản ánh đầu tiên " + tag);
        QuarkusTransaction.requiringNew().run(() -> intake.storeAll(List.of(earlier), Arrays.asList(taken),
                List.of(taken), List.of("{\"first\":true}")));

        Feedback retried = prepared("Phản ánh gửi lại " + tag);
        Feedback keyed = prepared("Phản ánh có khóa " + tag);
        Feedback anonymous = prepared("Phản ánh không khóa " + tag);
        Set<List<String>> won = QuarkusTransaction.requiringNew().call(() -> intake.storeAll(
                List.of(retried, keyed, anonymous), Arrays.asList(taken, free, null), List.of(taken, free),
                List.of("{\"second\":true}", "{\"keyed\":true}")));

        assertEquals(Set.of(List.of("test", free.key())), won);
        assertEquals(List.of(0L, 0L, 0L, 0L), rowsOf(retried.id));
        for (Feedback f : List.of(earlier, keyed, anonymous)) {
            // the case, its audit row, its place in the duplicate-check queue, received + assigned events
            assertEquals(List.of(1L, 1L, 1L, 2L), rowsOf(f.id));
        }
        assertEquals("{\"first\":true}", answerOf(taken));
        assertEquals("{\"keyed\":true}", answerOf(free));
    }

    @Test
    void everyColumnIsStoredAsPrepared() {
        Feedback f = intake.prepare(Submission.of("phu-lien", FeedbackChannel.SUGGESTION_BOX, null,
                        "NULL \"trích\" \\ {a,b} 'x' " + UUID.randomUUID(), "officer-1")
                .withCitizen("Nguyễn Văn A", "0912345678", "a@example.vn", "Số 1, ngõ 2")
                .withPlace(20.8561, 106.6822, List.of("https://example.vn/a.jpg"))
                .withCollection(LocalDate.now(ZoneOffset.UTC).minusDays(2), "Hòm thư tổ 3"), "");
        f.receivedAt = OffsetDateTime.of(2026, 12, 8, 1, 2, 0, 0, ZoneOffset.UTC); // no seconds: the shortest form
        QuarkusTransaction.requiringNew().run(() -> intake.storeAll(List.of(f)));

        Feedback stored = QuarkusTransaction.requiringNew().call(() -> Feedback.<Feedback>findById(f.id));
        assertEquals(f.trackingCode, stored.trackingCode);
        assertEquals(f.content, stored.content);
        assertEquals(f.contentFolded, stored.contentFolded);
        assertEquals(f.channel, stored.channel);
        assertNull(stored.category);
        assertEquals(f.status, stored.status);
        assertEquals(f.priority, stored.priority);
        assertEquals(f.citizenName, stored.citizenName);
        assertEquals(f.citizenPhone, stored.citizenPhone);
        assertEquals(f.citizenEmail, stored.citizenEmail);
        assertEquals(f.citizenAddress, stored.citizenAddress);
        assertEquals(f.latitude, stored.latitude);
        assertEquals(f.longitude, stored.longitude);
        assertEquals(f.photos, stored.photos);
        assertEquals(f.receivedAt.toInstant(), stored.receivedAt.toInstant());
        assertEquals(f.dueDate, stored.dueDate);
        assertEquals(f.collectionDate, stored.collectionDate);
        assertEquals(f.collectionSource, stored.collectionSource);
        assertEquals(f.recordedBy, stored.recordedBy);
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> Feedback.getEntityManager()
                .createNativeQuery("select unnest(text_bands) from feedback where id = :id")
                .setParameter("id", f.id).getResultList());
        assertArrayEquals(TextBands.of(f.ward, f.contentFolded),
                keys.stream().mapToLong(k -> ((Number) k).longValue()).toArray());
        assertEquals(List.of(1L, 1L, 1L, 1L), rowsOf(f.id)); // not routed: received only
    }

    private static List<Long> rowsOf(UUID id) {
        List<Long> counts = new ArrayList<>();
        for (String sql : List.of("select count(*) from feedback where id = :id",
                "select count(*) from feedback_history where feedback_id = :id and action = 'RECEIVE'",
                // queued for the duplicate sweep, or already taken by it (it files the case's band keys as it does)
                "select (select count(*) from duplicate_check where feedback_id = :id)"
                        + " + (select least(count(*), 1) from feedback_band where feedback_id = :id)",
                "select count(*) from outbox_event where aggregate_id = cast(:id as text)")) {
            counts.add(QuarkusTransaction.requiringNew().call(() -> ((Number) Feedback.getEntityManager()
                    .createNativeQuery(sql).setParameter("id", sql.contains("cast") ? id.toString() : id)
                    .getSingleResult()).longValue()));
        }
        return counts;
    }

    private static String answerOf(Idempotency.Claim c) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Feedback.getEntityManager()
                .createNativeQuery("select response from idempotency_key where scope = :s and key = :k")
                .setParameter("s", c.scope()).setParameter("k", c.key()).getSingleResult());
    }
}
