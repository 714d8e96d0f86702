package vn.friendlygov.evidence.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.domain.StoredBlob;
import vn.friendlygov.evidence.service.FileRecorder;
import vn.friendlygov.evidence.service.InspectedFile;
import vn.friendlygov.evidence.service.OrphanSweeper;
import vn.friendlygov.evidence.service.PhotoMetadata;
import vn.friendlygov.evidence.task.TaskView;

/** A crash between writing a file and committing its record leaves an orphan that the sweeper removes. */
@QuarkusTest
class OrphanSweeperTest {

    @Inject
    FileRecorder recorder;

    @Inject
    OrphanSweeper sweeper;

    @Inject
    BlobStore store;

    @Test
    void aFileWhoseRecordNeverCommittedIsRemovedAfterTheGracePeriodAndReferencedFilesStay() throws Exception {
        Task task = new Task().publish();
        byte[] kept = Fixtures.pdf("kept " + task.id);
        String evidenceId = Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Giữ lại")
                .multiPart("files", "giữ.pdf", kept, "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");

        InspectedFile orphan = spooled("mồ côi " + task.id);
        TaskView view = QuarkusTransaction.requiringNew().call(() -> TaskView.findById(task.id));
        // the real write path, then the transaction dies before it commits
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            recorder.store(orphan);
            recorder.record(UUID.fromString(evidenceId), 2, orphan, view, "officer-VHXH@phu-lien");
            throw new IllegalStateException("crash before commit");
        }));
        assertTrue(store.exists(orphan.sha256()), "the content was written before the failed commit");
        assertEquals(0L, rows(orphan.sha256()));

        sweeper.sweep(Duration.ofHours(1));
        assertTrue(store.exists(orphan.sha256()), "younger than the grace period: maybe an upload in flight");
        assertTrue(sweeper.sweep(Duration.ZERO) >= 1);
        assertFalse(store.exists(orphan.sha256()));
        assertTrue(store.exists(Fixtures.sha256(kept)), "referenced content is never swept");
    }

    @Test
    void contentOfAnUploadInFlightIsNeverSwept() throws Exception {
        Task task = new Task().publish();
        String evidenceId = Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Đang tải")
                .multiPart("files", "a.pdf", Fixtures.pdf("a " + task.id), "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
        InspectedFile file = spooled("đang tải " + task.id);
        TaskView view = QuarkusTransaction.requiringNew().call(() -> TaskView.findById(task.id));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            recorder.store(file);
            recorder.record(UUID.fromString(evidenceId), 2, file, view, "officer-VHXH@phu-lien");
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS); // holds the transaction open, as a slow upload would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(written.await(30, TimeUnit.SECONDS));
        sweeper.sweep(Duration.ZERO);
        assertTrue(store.exists(file.sha256()), "the upload holds the content's lock until it commits");
        release.countDown();
        upload.get(30, TimeUnit.SECONDS);
        sweeper.sweep(Duration.ZERO);
        assertTrue(store.exists(file.sha256()));
        assertEquals(1L, rows(file.sha256()));
    }

    @Test
    void temporaryFilesOfInterruptedUploadsAreRemovedAfterTheirMaximumAge() throws Exception {
        Path stale = store.newIncomingFile();
        Files.write(stale, Fixtures.pdf("bị bỏ dở"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(7))));
        Path live = store.newIncomingFile(); // an upload still being written
        Files.write(live, Fixtures.pdf("đang ghi"));
        try {
            assertTrue(sweeper.sweepIncoming(Duration.ofHours(6)) >= 1);
            assertFalse(Files.exists(stale), "older than evidence.storage.incoming-max-age: left by a killed upload");
            assertTrue(Files.exists(live), "written to recently: an upload in flight");
        } finally {
            Files.deleteIfExists(live);
        }
    }

    private static InspectedFile spooled(String marker) throws Exception {
        byte[] content = Fixtures.pdf(marker);
        Path spool = Files.createTempFile("spool", ".pdf");
        Files.write(spool, content);
        return new InspectedFile(spool, new String("tệp.pdf".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                content.length, Fixtures.sha256(content), "application/pdf", new PhotoMetadata.Exif(null, null, null));
    }

    private static long rows(String sha) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBlob.count("sha256", sha));
    }
}
