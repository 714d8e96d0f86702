package vn.friendlygov.evidence.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The disk flushes an upload needs before its record may commit (its file, then the directory entry of its new
 * name), started on a thread of their own so that they overlap with the record's database statements instead of
 * adding to them. The caller waits for them ({@link #await}) before it commits: what a 201 promises is unchanged.
 * When every flush thread is busy, a flush runs on the caller's thread, as it did before.
 */
@ApplicationScoped
public class DiskFlush {

    private static final ThreadPoolExecutor FLUSHES = IoThreads.pool("evidence-flush");

    /** A flush to run. */
    @FunctionalInterface
    interface Flush {
        void run() throws IOException;
    }

    /** Forces a written file's bytes and metadata to disk, then closes it (closed also when the force fails). */
    public CompletableFuture<Void> forceAndClose(FileChannel file) {
        return start(() -> {
            try (file) {
                force(file);
            }
        });
    }

    /** Forces the given directories (their entries: names created or renamed in them), one after the other. */
    public CompletableFuture<Void> forceDirectories(List<Path> directories) {
        if (directories.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return start(() -> {
            for (Path d : directories) {
                forceDirectory(d);
            }
        });
    }

    /** The file's {@code fsync}: a seam for tests that need a flush to fail or to wait. */
    protected void force(FileChannel file) throws IOException {
        file.force(true);
    }

    /** A directory's {@code fsync}: a seam for tests that need a flush to fail or to wait. */
    protected void forceDirectory(Path directory) throws IOException {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static CompletableFuture<Void> start(Flush flush) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                flush.run();
                done.complete(null);
            } catch (IOException | RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        };
        try {
            FLUSHES.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
        return done;
    }

    /** Waits for a flush; its failure as the {@link IOException} it was. */
    public static void await(CompletableFuture<Void> flush) throws IOException {
        try {
            flush.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
