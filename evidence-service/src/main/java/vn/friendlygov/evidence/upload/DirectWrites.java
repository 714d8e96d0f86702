package vn.friendlygov.evidence.upload;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * Writes a large upload's bytes past the page cache where it can: the whole 4 KiB blocks of each piece with
 * {@code O_DIRECT}, which the disk reads straight from the chunk (no copy into the page cache, and the file's final
 * {@code fsync} has next to nothing left to write back), the partial blocks at either end of a piece through the
 * ordinary, buffered channel. The copy into the page cache was 82 % of the writer thread's CPU in the service
 * (docs/2026-12-03-evidence-throughput.md, fifth round). A piece whose memory is not aligned like its place in the
 * file, a filesystem that refuses {@code O_DIRECT} (tmpfs before Linux 6.6, some network filesystems) and a direct
 * write that fails all go through the buffered channel, as before. Durability is unchanged: the file's {@code fsync}
 * covers the bytes written either way (it flushes the disk's cache, where a direct write may still be).
 */
final class DirectWrites {

    private static final Logger LOG = Logger.getLogger(DirectWrites.class);
    private static final int BLOCK = Chunk.ALIGN;

    private final FileChannel buffered;
    private FileChannel direct;

    private DirectWrites(FileChannel buffered, FileChannel direct) {
        this.buffered = buffered;
        this.direct = direct;
    }

    /** Writes to {@code file}, which {@code buffered} is open on; direct writes where the filesystem allows them. */
    static DirectWrites open(Path file, FileChannel buffered) {
        FileChannel direct = null;
        try {
            direct = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("no direct writes for %s (buffered instead): %s", file.getFileName(), e.getMessage());
        }
        return new DirectWrites(buffered, direct);
    }

    /** Whether whole blocks are still written directly. */
    boolean direct() {
        return direct != null;
    }

    /** Writes all of {@code bytes} (a direct buffer) at {@code position} in the file. */
    void write(ByteBuffer bytes, long position) throws IOException {
        long end = position + bytes.remaining();
        long from = (position + BLOCK - 1) / BLOCK * BLOCK;
        long to = end / BLOCK * BLOCK;
        if (direct == null || to <= from || !bytes.isDirect()
                || bytes.alignmentOffset(bytes.position(), BLOCK) != position % BLOCK) {
            writeFully(buffered, bytes, position);
            return;
        }
        int start = bytes.position();
        writeFully(buffered, bytes.slice(start, (int) (from - position)), position);
        ByteBuffer blocks = bytes.slice(start + (int) (from - position), (int) (to - from));
        try {
            writeFully(direct, blocks, from);
        } catch (IOException e) {
            // not a loss of data: the same bytes go through the page cache, and the fsync reports a failing disk
            LOG.debugf("a direct write failed, buffered from now on: %s", e.getMessage());
            close();
            writeFully(buffered, blocks.rewind(), from);
        }
        writeFully(buffered, bytes.slice(start + (int) (to - position), (int) (end - to)), to);
    }

    /** Closes the direct channel (the buffered one belongs to the caller). */
    void close() {
        FileChannel d = direct;
        direct = null;
        if (d != null) {
            try {
                d.close();
            } catch (IOException e) {
                LOG.debugf("closing a direct channel: %s", e.getMessage());
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
