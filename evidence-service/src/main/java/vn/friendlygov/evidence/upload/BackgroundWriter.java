package vn.friendlygov.evidence.upload;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes a file on a thread of its own while the caller goes on with the next bytes (hashing them): the two costs
 * overlap instead of adding up. The bytes are not copied: the writer holds the reader's {@link Chunk} (a direct
 * buffer, written by the kernel straight from it, its whole blocks by the disk: {@link DirectWrites}) until its slice
 * is written. Memory is bounded: at most {@link #QUEUED} slices wait, each within one chunk. When no thread is
 * available the bytes are written by the caller, as before.
 */
final class BackgroundWriter {

    static final int QUEUED = 4;

    private record Slice(Chunk chunk, ByteBuffer bytes) {
    }

    private static final Slice END = new Slice(null, null);

    private final DirectWrites out;
    private final ArrayBlockingQueue<Slice> full = new ArrayBlockingQueue<>(QUEUED + 1);
    private final Future<?> task;
    private volatile IOException failure;
    /** Where the next slice goes in the file; used by the one thread that writes (the writer's, or the caller's). */
    private long position;

    /** Writes into {@code out} from {@code position} on. */
    BackgroundWriter(DirectWrites out, long position, ExecutorService pool) {
        this.out = out;
        this.position = position;
        Future<?> started;
        try {
            started = pool.submit(this::run);
        } catch (RejectedExecutionException e) {
            started = null;
        }
        this.task = started;
    }

    /** Bytes {@code [off, off + len)} of {@code chunk}, which is retained until they are written. */
    void write(Chunk chunk, int off, int len) throws IOException {
        if (task == null) {
            writeAt(chunk.slice(off, len));
            return;
        }
        chunk.retain();
        try {
            hand(new Slice(chunk, chunk.slice(off, len)));
        } catch (IOException | RuntimeException e) {
            chunk.release();
            throw e;
        }
    }

    /** Waits until every byte given is written. */
    void finish() throws IOException {
        if (task == null) {
            out.close();
            return;
        }
        hand(END);
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing an upload");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            out.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Stops writing; the file is about to be removed. Chunks still queued or being written are not released (the
     * garbage collector frees them): one could still be in a write when this returns.
     */
    void abandon() {
        if (task != null) {
            full.clear();
            task.cancel(true);
        }
        out.close();
    }

    private void run() {
        try {
            while (true) {
                Slice slice = full.take();
                if (slice == END) {
                    return;
                }
                writeAt(slice.bytes());
                slice.chunk().release();
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(Slice slice) throws IOException {
        try {
            while (!full.offer(slice, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    throw failure;
                }
                if (task.isDone()) {
                    throw new IOException("the upload's writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing an upload");
        }
    }

    private void writeAt(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        out.write(bytes, position);
        position += length;
    }
}
