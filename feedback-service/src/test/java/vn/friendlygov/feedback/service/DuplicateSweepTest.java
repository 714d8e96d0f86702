package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;

@QuarkusTest
class DuplicateSweepTest {

    @Inject
    IntakeService intake;

    @Inject
    IntakeBatcher batcher;

    @Inject
    DuplicateSweep sweep;

    @Test
    void aCaseStoredWithoutBandKeysIsFiledUnderTheKeysOfItsText() {
        String text = "Đèn chiếu sáng ngõ 45 Phù Liễn tắt cả tuần " + UUID.randomUUID();
        Feedback f = intake.prepare(Submission.of("phu-lien", FeedbackChannel.WEB, "MOI_TRUONG", text, "citizen"), "");
        batcher.submit(f, null, c -> c.trackingCode, String.class);
        // as a case stored before migration V8 (or by a replica of the release before it) looks
        QuarkusTransaction.requiringNew().run(() -> Feedback.getEntityManager()
                .createNativeQuery("update feedback set text_bands = null where id = :id")
                .setParameter("id", f.id).executeUpdate());

        while (sweep.fileMissingBands() > 0) {
            // other tests' cases never lack keys; this loop ends after this case is filed
        }

        List<?> keys = QuarkusTransaction.requiringNew().call(() -> Feedback.getEntityManager()
                .createNativeQuery("select unnest(text_bands) from feedback where id = :id")
                .setParameter("id", f.id).getResultList());
        long[] stored = keys.stream().mapToLong(k -> ((Number) k).longValue()).toArray();
        assertEquals(TextBands.BANDS, stored.length);
        assertArrayEquals(TextBands.of("phu-lien", f.contentFolded), stored);
        // and filed in the band table, where the search finds it
        assertArrayEquals(LongStream.of(stored).sorted().toArray(), filedBands(f.id));
    }

    @Test
    void twoNearIdenticalCasesTakenInOneBatchFindEachOther() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Feedback first = intake.prepare(Submission.of("phu-lien", FeedbackChannel.WEB, "MOI_TRUONG",
                "Nước thải tràn ra đường ở ngõ 12 tổ 3 gây mùi hôi suốt tuần nay mã " + tag, "citizen"), "");
        Feedback second = intake.prepare(Submission.of("phu-lien", FeedbackChannel.WEB, "MOI_TRUONG",
                "Nuoc thai tran ra duong o ngo 12 to 3, gay mui hoi suot tuan nay! ma " + tag, "citizen"), "");
        // one commit: whichever sweep takes them takes both in one batch, so neither is filed when the batch starts
        QuarkusTransaction.requiringNew().run(() -> intake.storeAll(List.of(first, second)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> suggestion(second.id) != null);
        assertEquals(first.id, suggestion(second.id));
        assertEquals(TextBands.BANDS, filedBands(first.id).length);
        assertEquals(TextBands.BANDS, filedBands(second.id).length);
    }

    private static UUID suggestion(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) Feedback.getEntityManager()
                .createNativeQuery("select suggested_duplicate from feedback where id = :id")
                .setParameter("id", id).getSingleResult());
    }

    private static long[] filedBands(UUID id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> Feedback.getEntityManager()
                .createNativeQuery("select band from feedback_band where feedback_id = :id order by band")
                .setParameter("id", id).getResultList());
        return rows.stream().mapToLong(k -> ((Number) k).longValue()).toArray();
    }
}
