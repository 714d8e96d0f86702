package vn.friendlygov.evidence.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.domain.StoredBlob;
import vn.friendlygov.evidence.service.OrphanSweeper;
import vn.friendlygov.evidence.storage.DiskFlush;

/**
 * The disk flushes of an upload (its file, then its new name's directory) run while the record's statements do, and
 * a 201 still means both are on disk and the record committed; a failed flush leaves no record.
 */
@QuarkusTest
class DurableUploadTest {

    @Inject
    EntityManager em;

    @Inject
    OrphanSweeper sweeper;

    /** Flushes that fail, or wait for the test, on request; the real ones otherwise. */
    static final class ControlledFlush extends DiskFlush {
        volatile boolean failFile;
        volatile boolean failDirectory;
        final CountDownLatch fileEntered = new CountDownLatch(1);
        final CountDownLatch directoryEntered = new CountDownLatch(1);
        volatile CountDownLatch holdFile = new CountDownLatch(0);
        volatile CountDownLatch holdDirectory = new CountDownLatch(0);

        @Override
        protected void force(FileChannel file) throws IOException {
            gate(fileEntered, holdFile, () -> failFile);
            super.force(file);
        }

        @Override
        protected void forceDirectory(Path directory) throws IOException {
            gate(directoryEntered, holdDirectory, () -> failDirectory);
            super.forceDirectory(directory);
        }

        /** Tells the test the flush began, waits while it is held, then fails it if asked to. */
        private static void gate(CountDownLatch entered, CountDownLatch held, BooleanSupplier fail) throws IOException {
            entered.countDown();
            hold(held);
            if (fail.getAsBoolean()) {
                throw new IOException("the disk refused the flush (test)");
            }
        }

        private static void hold(CountDownLatch latch) throws IOException {
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the flush");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static ControlledFlush install() {
        ControlledFlush flush = new ControlledFlush();
        QuarkusMock.installMockForType(flush, DiskFlush.class);
        return flush;
    }

    private static int submit(Task task, byte[] pdf) {
        return Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Lưu bền")
                .multiPart("files", "lưu.pdf", pdf, "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().extract().statusCode();
    }

    /** The upload failed and left no evidence record and no stored-file row. */
    private static void assertRefusedWithoutRecord(Task task, byte[] pdf) {
        assertEquals(500, submit(task, pdf));
        assertEquals(0L, Fixtures.evidenceCount(task.id));
        assertEquals(0L, storedRows(Fixtures.sha256(pdf)));
    }

    @Test
    void aFailedFlushOfTheFileLeavesNoRecordAndNoFile() throws Exception {
        install().failFile = true;
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("không ghi được " + task.id);
        List<Path> incomingBefore = incoming();

        assertRefusedWithoutRecord(task, pdf);
        assertFalse(Files.exists(EvidenceUploadTest.blobPath(Fixtures.sha256(pdf))), "never moved into the store");
        assertEquals(incomingBefore, incoming(), "its temporary file is removed");
    }

    @Test
    void aFailedFlushOfTheNewNameLeavesNoRecordAndOnlyAnOrphanForTheSweeper() throws Exception {
        ControlledFlush flush = install();
        flush.failDirectory = true;
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("tên chưa lưu " + task.id);

        assertRefusedWithoutRecord(task, pdf);
        flush.failDirectory = false;
        sweeper.sweep(Duration.ZERO);
        assertFalse(Files.exists(EvidenceUploadTest.blobPath(Fixtures.sha256(pdf))));
    }

    @Test
    void theFileIsFlushedWhileTheFirstStatementRunsAndTheAnswerWaitsForTheFlush() throws Exception {
        ControlledFlush flush = install();
        flush.holdFile = new CountDownLatch(1);
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("song song " + task.id);
        String sha = Fixtures.sha256(pdf);

        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> submit(task, pdf));
        assertTrue(flush.fileEntered.await(30, TimeUnit.SECONDS));
        // the record's first statement (the content's lock and row) runs while the file's flush has not finished
        await().atMost(Duration.ofSeconds(30)).until(() -> contentLockHeld(sha));
        assertFalse(answer.isDone(), "no answer before the file is on disk");
        assertEquals(0L, Fixtures.evidenceCount(task.id));
        assertFalse(Files.exists(EvidenceUploadTest.blobPath(sha)), "moved into the store only once on disk");

        flush.holdFile.countDown();
        assertEquals(201, answer.get(30, TimeUnit.SECONDS));
        assertEquals(1L, Fixtures.evidenceCount(task.id));
        assertTrue(Files.exists(EvidenceUploadTest.blobPath(sha)));
    }

    @Test
    void theAnswerWaitsForTheNewNameToBeOnDisk() throws Exception {
        ControlledFlush flush = install();
        flush.holdDirectory = new CountDownLatch(1);
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("chờ thư mục " + task.id);

        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> submit(task, pdf));
        assertTrue(flush.directoryEntered.await(30, TimeUnit.SECONDS));
        assertFalse(answer.isDone(), "no answer before the new name is on disk");
        assertEquals(0L, Fixtures.evidenceCount(task.id), "not committed before the new name is on disk");

        flush.holdDirectory.countDown();
        assertEquals(201, answer.get(30, TimeUnit.SECONDS));
        assertEquals(1L, Fixtures.evidenceCount(task.id));
        assertEquals(1L, storedRows(Fixtures.sha256(pdf)));
    }

    private boolean contentLockHeld(String sha) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and granted"
                        + " and database = (select oid from pg_database where datname = current_database())"
                        + " and ((classid::bigint << 32) | objid::bigint) = hashtextextended(?1, 0)")
                .setParameter(1, sha).getSingleResult()).longValue() > 0);
    }

    private static long storedRows(String sha) {
        return QuarkusTransaction.requiringNew().call(() -> StoredBlob.count("sha256", sha));
    }

    private static List<Path> incoming() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/evidence-blobs/.incoming"))) {
            return files.sorted().toList();
        }
    }
}
