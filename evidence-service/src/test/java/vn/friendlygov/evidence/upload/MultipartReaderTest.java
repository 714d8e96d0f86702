package vn.friendlygov.evidence.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader against bodies cut at every awkward place. */
class MultipartReaderTest {

    static final String BOUNDARY = "----ranh-gioi-7MA4YWxkTrZu0gW";

    record Part(String disposition, byte[] content) {
    }

    @Test
    void partsComeOutIntactWhateverTheNetworkChunkSize() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        byte[] file = new byte[700_000];
        random.nextBytes(file);
        // content with near-misses of the delimiter (a boundary itself never occurs in content, RFC 2046)
        byte[] tricky = ("x\r\n--" + BOUNDARY.substring(0, 10) + "\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)
                + "! not the end\r\n-").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = body(List.of(
                new Part("form-data; name=\"title\"", "Báo cáo Quý I".getBytes(StandardCharsets.UTF_8)),
                new Part("form-data; name=\"files\"; filename=\"Ảnh.jpg\"", file),
                new Part("form-data; name=\"files\"; filename=\"b.pdf\"", tricky),
                new Part("form-data; name=\"empty\"", new byte[0])));
        for (int chunk : new int[] {1, 7, 4096, 65_536, 1 << 20}) {
            List<Part> parts = read(new Chunked(body, chunk));
            assertEquals(4, parts.size(), "chunk " + chunk);
            assertEquals("Báo cáo Quý I", new String(parts.get(0).content(), StandardCharsets.UTF_8));
            assertArrayEquals(file, parts.get(1).content(), "chunk " + chunk);
            assertEquals("form-data; name=\"files\"; filename=\"Ảnh.jpg\"", parts.get(1).disposition());
            assertArrayEquals(tricky, parts.get(2).content(), "chunk " + chunk);
            assertEquals(0, parts.get(3).content().length);
        }
    }

    @Test
    void afterItsFirstChunkAPartLiesInMemoryAlignedLikeInItsFile() throws IOException {
        byte[] file = new byte[3_000_000];
        new SplittableRandom(8).nextBytes(file);
        byte[] body = body(List.of(new Part("form-data; name=\"a\"", "x".getBytes(StandardCharsets.US_ASCII)),
                new Part("form-data; name=\"files\"; filename=\"lớn.pdf\"", file)));
        for (int networkChunk : new int[] {7, 65_536, 100_000}) {
            List<String> misplaced = new ArrayList<>();
            new MultipartReader(new Chunked(body, networkChunk), BOUNDARY).read(new MultipartReader.Parts() {
                long position;
                Chunk first;

                @Override
                public void start(MultipartReader.PartHeaders headers) {
                    position = 0;
                    first = null;
                }

                @Override
                public void data(Chunk chunk, int offset, int length) {
                    first = first == null ? chunk : first;
                    // the part's first bytes land where its headers ended: only its first chunk may be off
                    int inMemory = chunk.buffer().alignmentOffset(offset, Chunk.ALIGN);
                    if (chunk != first && inMemory != position % Chunk.ALIGN) {
                        misplaced.add(position + "+" + length);
                    }
                    position += length;
                }

                @Override
                public void end() {
                }
            });
            assertEquals(List.of(), misplaced, "network chunk " + networkChunk);
        }
    }

    @Test
    void aPreambleAndAnEpilogueAreIgnored() throws IOException {
        byte[] body = ("This is the preamble.\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"
                + "\r\n--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = read(new ByteArrayInputStream(body));
        assertEquals(1, parts.size());
        assertEquals("1", new String(parts.get(0).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void bodiesCutShortOrWithoutBoundaryAreMalformed() {
        byte[] cut = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.pdf\"\r\n\r\n"
                + "%PDF-1.4 and then nothing").getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartReader.MalformedMultipartException.class, () -> read(new ByteArrayInputStream(cut)));
        assertThrows(MultipartReader.MalformedMultipartException.class,
                () -> read(new ByteArrayInputStream("just text".getBytes(StandardCharsets.US_ASCII))));
        byte[] noHeaderEnd = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data").getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartReader.MalformedMultipartException.class,
                () -> read(new ByteArrayInputStream(noHeaderEnd)));
    }

    @Test
    void theBoundaryIsReadFromTheContentType() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundary("Multipart/Form-Data;charset=UTF-8; BOUNDARY=\"a b\""));
        assertNull(MultipartReader.boundary("application/json"));
        assertNull(MultipartReader.boundary("multipart/form-data"));
        assertNull(MultipartReader.boundary(null));
    }

    @Test
    void fileNamesAreReadAsBrowsersAndRfc5987SendThem() {
        assertEquals("Báo cáo.pdf", PartDisposition.parse("form-data; name=\"files\"; filename=\"Báo cáo.pdf\"").fileName());
        assertEquals("files", PartDisposition.parse("form-data; name=\"files\"; filename=\"a.pdf\"").name());
        assertEquals("Đề án.pdf", PartDisposition.parse(
                "form-data; name=\"f\"; filename=\"De an.pdf\"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n.pdf").fileName());
        assertEquals("C:\\Users\\cb\\a.pdf",
                PartDisposition.parse("form-data; name=\"f\"; filename=\"C:\\Users\\cb\\a.pdf\"").fileName());
        assertEquals("say \"hi\".pdf", PartDisposition.parse("form-data; name=f; filename=\"say \\\"hi\\\".pdf\"").fileName());
        assertNull(PartDisposition.parse("form-data; name=\"title\"").fileName());
    }

    static List<Part> read(InputStream in) throws IOException {
        List<Part> parts = new ArrayList<>();
        new MultipartReader(in, BOUNDARY).read(new MultipartReader.Parts() {
            String disposition;
            ByteArrayOutputStream content;

            @Override
            public void start(MultipartReader.PartHeaders headers) {
                disposition = headers.contentDisposition();
                content = new ByteArrayOutputStream();
            }

            @Override
            public void data(Chunk chunk, int offset, int length) {
                byte[] bytes = new byte[length];
                chunk.buffer().get(offset, bytes);
                content.write(bytes, 0, length);
            }

            @Override
            public void end() {
                parts.add(new Part(disposition, content.toByteArray()));
            }
        });
        return parts;
    }

    static byte[] body(List<Part> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: " + p.disposition() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(p.content());
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Hands the body out in reads of at most {@code chunk} bytes, as a network would. */
    static final class Chunked extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;

        Chunked(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
