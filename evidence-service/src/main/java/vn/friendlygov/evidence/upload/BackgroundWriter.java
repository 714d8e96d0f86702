package vn.friendlygov.evidence.upload;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes a file on a thread of its own while the caller goes on with the next bytes (hashing them): the two costs
 * overlap instead of adding up. Memory is bounded: {@link #BUFFERS} buffers of {@link #BUFFER} bytes. When no thread
 * is available the bytes are written by the caller, as before.
 */
final class BackgroundWriter {

    static final int BUFFER = 256 * 1024;
    static final int BUFFERS = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final FileChannel channel;
    private final ArrayBlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final ArrayBlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Future<?> task;
    private volatile IOException failure;
    private ByteBuffer filling;

    BackgroundWriter(FileChannel channel, ExecutorService pool) {
        this.channel = channel;
        Future<?> started;
        try {
            started = pool.submit(this::run);
            for (int i = 0; i < BUFFERS; i++) {
                free.add(ByteBuffer.allocate(BUFFER));
            }
        } catch (RejectedExecutionException e) {
            started = null;
        }
        this.task = started;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (task == null) {
            writeFully(ByteBuffer.wrap(b, off, len));
            return;
        }
        while (len > 0) {
            if (filling == null) {
                filling = take();
            }
            int n = Math.min(len, filling.remaining());
            filling.put(b, off, n);
            off += n;
            len -= n;
            if (!filling.hasRemaining()) {
                hand(filling);
                filling = null;
            }
        }
    }

    /** Waits until every byte given is written. */
    void finish() throws IOException {
        if (task == null) {
            return;
        }
        if (filling != null && filling.position() > 0) {
            hand(filling);
        }
        filling = null;
        hand(END);
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing an upload");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops writing; the file is about to be removed. */
    void abandon() {
        if (task != null) {
            full.clear();
            task.cancel(true);
        }
    }

    private void run() {
        try {
            while (true) {
                ByteBuffer buffer = full.take();
                if (buffer == END) {
                    return;
                }
                buffer.flip();
                writeFully(buffer);
                buffer.clear();
                free.put(buffer);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ByteBuffer take() throws IOException {
        try {
            while (true) {
                ByteBuffer b = free.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
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

    private void hand(ByteBuffer buffer) throws IOException {
        try {
            while (!full.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    throw failure;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing an upload");
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
