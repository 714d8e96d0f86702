package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.Clients;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;

@QuarkusTest
class IntakeBatcherTest {

    @Inject
    IntakeService intake;

    @Inject
    IntakeBatcher batcher;

    private Feedback prepared(String text) {
        return intake.prepare(Submission.of("phu-lien", FeedbackChannel.WEB, "MOI_TRUONG", text, "citizen"), "");
    }

    @Test
    void aTrackingCodeCollisionFailsTheBatchAndTheCaseIsWrittenAloneWithAFreshCode() {
        Feedback earlier = prepared("Phản ánh có sẵn " + UUID.randomUUID());
        String taken = batcher.submit(earlier, null, f -> f.trackingCode, String.class).answer();
        long before = Clients.feedbackRows();

        Feedback colliding = prepared("Phản ánh mới trùng mã " + UUID.randomUUID());
        colliding.trackingCode = taken; // what SecureRandom might one day draw again
        String code = batcher.submit(colliding, null, f -> f.trackingCode, String.class).answer();

        assertNotEquals(taken, code);
        assertEquals(before + 1, Clients.feedbackRows());
        Feedback stored = Clients.byCode(code);
        assertEquals(colliding.id, stored.id);
        assertEquals(2, Clients.eventsOf(stored.id.toString(), 2).size());
    }

    @Test
    void manyConcurrentSubmissionsAreAllStoredOnceWithTheirEvents() throws Exception {
        long before = Clients.feedbackRows();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "Phản ánh đồng thời " + i + " " + UUID.randomUUID();
                calls.add(() -> batcher.submit(prepared(text), null, f -> f.id.toString(), String.class).answer());
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(200, ids.size());
            assertEquals(before + 200, Clients.feedbackRows());
            for (String id : List.copyOf(ids).subList(0, 5)) {
                assertEquals(2, Clients.eventsOf(id, 2).size());
            }
        } finally {
            pool.shutdown();
        }
    }
}
