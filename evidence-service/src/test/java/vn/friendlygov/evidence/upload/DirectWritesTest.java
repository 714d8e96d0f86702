package vn.friendlygov.evidence.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Direct writes of whole blocks and buffered writes of the rest make the same file as buffered writes alone, however
 * the pieces fall: aligned in memory like their place in the file or not, ending inside a block, one byte long.
 */
class DirectWritesTest {

    static final int BLOCK = Chunk.ALIGN;
    /** Three whole blocks of a MiB and a partial one at the end. */
    static final byte[] CONTENT = new byte[3 * 1024 * 1024 + 1234];
    /** A file in a directory that is not there: its direct channel cannot be opened, the buffered one is given. */
    static final Path MISSING = Path.of("target/direct-writes/not-there/f");

    static {
        new SplittableRandom(11).nextBytes(CONTENT);
    }

    @Test
    void piecesOfEveryAlignmentMakeTheSameFileDirectlyOrBuffered() throws IOException {
        Path direct = file("direct");
        Path buffered = file("buffered");
        assertArrayEquals(CONTENT, written(direct, channel -> DirectWrites.open(direct, channel)));
        // no direct channel (as where the filesystem refuses O_DIRECT): every piece through the page cache
        assertArrayEquals(CONTENT, written(buffered, channel -> DirectWrites.open(MISSING, channel)));
    }

    @Test
    void aFileOnAFilesystemWithoutDirectWritesIsWrittenBuffered() throws IOException {
        Path file = file("fallback");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            DirectWrites out = DirectWrites.open(MISSING, channel);
            assertFalse(out.direct());
            ByteBuffer memory = aligned(CONTENT.length);
            memory.put(0, CONTENT);
            out.write(memory.slice(0, CONTENT.length), 0);
            out.close();
        }
        assertArrayEquals(CONTENT, Files.readAllBytes(file));
        Files.delete(file);
    }

    /**
     * Writes {@link #CONTENT} in pieces as the multipart reader hands them out: the first ones (the part's first
     * chunk) not aligned like their place in the file, the later ones aligned, of odd lengths, the last one ending
     * inside a block.
     */
    private static byte[] written(Path file, Function<FileChannel, DirectWrites> open) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            DirectWrites out = open.apply(channel);
            boolean direct = out.direct();
            int position = 0;
            int[] lengths = {1, 4095, 700_000, 1, 65_536, 3 * BLOCK, 12_345, 1_000_000};
            for (int i = 0; position < CONTENT.length; i++) {
                int length = Math.min(CONTENT.length - position, lengths[i % lengths.length]);
                // the first three pieces lie 100 bytes off their place in the file; the rest as the reader lays them
                int offset = i < 3 ? 100 : position % BLOCK;
                ByteBuffer memory = aligned(offset + length);
                memory.put(offset, CONTENT, position, length);
                out.write(memory.slice(offset, length), position);
                position += length;
            }
            // a direct write that failed (a misaligned one, say) would have been redone buffered, and turned them off
            assertEquals(direct, out.direct(), "direct writes still on");
            out.close();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    /** At least {@code capacity} bytes starting at a block boundary (an aligned slice ends at one too). */
    private static ByteBuffer aligned(int capacity) {
        int blocks = (capacity + BLOCK - 1) / BLOCK;
        return ByteBuffer.allocateDirect((blocks + 1) * BLOCK - 1).alignedSlice(BLOCK);
    }

    private static Path file(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/direct-writes"));
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        return Files.createFile(file);
    }
}
