package vn.friendlygov.evidence.upload;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A direct buffer that the body is read into, scanned, hashed and written to disk from, with no copy in between
 * (a heap buffer would be copied into a temporary direct one by every {@code FileChannel.write}). Reference counted:
 * the {@link MultipartReader} holds it while reading, and the {@link BackgroundWriter} while a slice of it waits to
 * be written; when both have let go it goes back to a small shared pool. A chunk still held when its upload is
 * abandoned is simply not returned (the garbage collector frees it), so a buffer is never reused while in use.
 */
final class Chunk {

    /** 512 KiB: large writes, few hand-overs; a large upload holds at most a few of them (reader and writer queue). */
    static final int SIZE = 512 * 1024;
    /**
     * Every chunk starts at a multiple of this in memory, so that a file's block-aligned bytes can be written from it
     * with {@code O_DIRECT} ({@link DirectWrites}); the reader places a part's bytes accordingly.
     */
    static final int ALIGN = 4096;
    /** Free buffers kept for the next uploads (16 MiB); more are left to the garbage collector. */
    private static final int POOLED = 32;
    private static final ConcurrentLinkedQueue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FREE_COUNT = new AtomicInteger();

    private final ByteBuffer buffer;
    private final AtomicInteger references = new AtomicInteger(1);

    private Chunk(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** A chunk held once by the caller. */
    static Chunk take() {
        ByteBuffer b = FREE.poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(SIZE + ALIGN - 1).alignedSlice(ALIGN); // at least SIZE bytes
        } else {
            FREE_COUNT.decrementAndGet();
            b.clear();
        }
        return new Chunk(b);
    }

    /** The whole buffer; callers use absolute positions and slices, never its own position. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** Bytes {@code [offset, offset + length)} as a buffer of their own (sharing the memory). */
    ByteBuffer slice(int offset, int length) {
        return buffer.slice(offset, length);
    }

    void retain() {
        if (references.getAndIncrement() <= 0) {
            throw new IllegalStateException("a released chunk was retained");
        }
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0 && FREE_COUNT.incrementAndGet() <= POOLED) {
            FREE.add(buffer);
        } else if (left == 0) {
            FREE_COUNT.decrementAndGet();
        } else if (left < 0) {
            throw new IllegalStateException("a chunk was released more often than held");
        }
    }
}
