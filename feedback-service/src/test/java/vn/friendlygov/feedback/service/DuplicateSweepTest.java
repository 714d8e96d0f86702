package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
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
    }
}
