package vn.friendlygov.evidence.upload;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;

/**
 * The request body as a blocking stream for a worker thread, reading ahead: the event loop keeps receiving up to
 * {@link #AHEAD} network buffers while the worker hashes and writes the previous ones. (Quarkus REST's own body
 * stream asks for one buffer at a time, so every buffer of a large upload costs a hand-over between the two threads
 * during which neither the socket nor the disk is busy.) Memory stays bounded by {@link #AHEAD} buffers of at most
 * 64 KiB each.
 */
public final class RequestBodyStream extends InputStream implements ReadableByteChannel {

    static final int AHEAD = 32;

    private final HttpServerRequest request;
    private final long idleTimeoutMillis;
    private final Object lock = new Object();
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private int requested;
    private boolean ended;
    private Throwable failure;
    private ByteBuf current;

    /** Call on the worker thread that will read; the request must still be paused (Quarkus REST pauses it). */
    public RequestBodyStream(HttpServerRequest request, long idleTimeoutMillis) {
        this.request = request;
        this.idleTimeoutMillis = idleTimeoutMillis;
        synchronized (lock) {
            if (request.isEnded()) {
                ended = true;
                return;
            }
            request.handler(buffer -> {
                synchronized (lock) {
                    queue.add(buffer);
                    requested--;
                    lock.notifyAll();
                }
            });
            request.endHandler(v -> {
                synchronized (lock) {
                    ended = true;
                    lock.notifyAll();
                }
            });
            request.exceptionHandler(t -> {
                synchronized (lock) {
                    failure = t;
                    lock.notifyAll();
                }
            });
            requested = AHEAD;
        }
        // a client that asked to be told before it sends the body (curl does for large ones) is told now: the
        // checks have passed (Quarkus answers 100-continue only from its own body stream, which is not used here)
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !request.response().headWritten()) {
            request.response().writeContinue();
        }
        request.fetch(AHEAD);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || !current.isReadable()) {
            release();
            if (!next(true)) {
                return -1;
            }
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    /**
     * Copies into {@code dst} what has arrived, as much as fits: waits for the first bytes only (like a socket's
     * read), so that the caller goes on with what is there. Returns -1 at the end of the body.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            if (current == null || !current.isReadable()) {
                release();
                if (!next(total == 0)) {
                    break;
                }
            }
            int n = Math.min(dst.remaining(), current.readableBytes());
            int limit = dst.limit();
            dst.limit(dst.position() + n);
            current.readBytes(dst);
            dst.limit(limit);
            total += n;
        }
        return total == 0 && dst.hasRemaining() ? -1 : total;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    /**
     * Takes the next buffer, waiting for it if {@code block} (else false when none has arrived yet); asks for more once
     * half of the read-ahead is used.
     */
    private boolean next(boolean block) throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IOException("a blocking read of the request body on an event loop thread");
        }
        int more;
        synchronized (lock) {
            if (!block && queue.isEmpty()) {
                return false;
            }
            long deadline = System.currentTimeMillis() + idleTimeoutMillis;
            while (queue.isEmpty() && !ended && failure == null) {
                long wait = deadline - System.currentTimeMillis();
                if (wait <= 0) {
                    request.connection().close();
                    throw new IOException("no part of the request body arrived for " + idleTimeoutMillis + " ms");
                }
                try {
                    lock.wait(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the request body");
                }
            }
            if (failure != null) {
                throw new IOException("the request body could not be read", failure);
            }
            if (queue.isEmpty()) {
                return false; // ended
            }
            current = queue.poll().getByteBuf();
            int outstanding = queue.size() + requested;
            more = ended || outstanding > AHEAD / 2 ? 0 : AHEAD - outstanding;
            requested += more;
        }
        if (more > 0) {
            request.fetch(more);
        }
        return true;
    }

    private void release() {
        current = null; // Vert.x owns (and releases) the buffers it hands to a request handler
    }

    /** Drops what was read ahead; the request itself is left as it is. */
    @Override
    public void close() {
        synchronized (lock) {
            queue.clear();
            current = null;
        }
    }
}
