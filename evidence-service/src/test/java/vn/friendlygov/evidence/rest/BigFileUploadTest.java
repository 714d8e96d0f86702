package vn.friendlygov.evidence.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;

/**
 * A 1 GiB upload and download through a JVM whose heap is 256 MiB (the {@code big-file} surefire execution; the
 * in-JVM Kafka broker of the tests alone needs more than 128 MiB): only possible if neither direction holds the file
 * in memory. The file is generated while it is sent, so the
 * test itself needs no copy of it on disk; the stored copy is removed at the end.
 */
@QuarkusTest
@TestProfile(BigFileUploadTest.LargeFiles.class)
class BigFileUploadTest {

    static final long SIZE = 1024L * 1024 * 1024;

    public static class LargeFiles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.max-file-size", String.valueOf(SIZE + 1024));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFileFourTimesLargerThanTheHeapGoesInAndComesBackIntact() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() < SIZE / 2,
                "run in the big-file execution (-Xmx256m); max heap is " + Runtime.getRuntime().maxMemory());
        Task task = new Task().publish();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        String boundary = "ranh-gioi-lon";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPORT\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nVideo hội nghị tổng kết\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"Báo cáo lớn.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest upload = HttpRequest.newBuilder(base.toURI().resolve("api/v1/tasks/" + task.id + "/evidence"))
                .header("Authorization", "Bearer " + Fixtures.token("officer", "VHXH"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(head), new SequenceInputStream(new GeneratedPdf(SIZE, sent),
                                new ByteArrayInputStream(tail)))))
                .build();
        HttpResponse<String> created = http.send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String sha = HexFormat.of().formatHex(sent.digest());
        JsonNode file = new ObjectMapper().readTree(created.body()).path("files").get(0);
        assertEquals(SIZE, file.path("size").asLong());
        assertEquals(sha, file.path("sha256").asText());
        assertEquals("application/pdf", file.path("mediaType").asText());
        Path stored = Path.of("target/evidence-blobs", sha.substring(0, 2), sha.substring(2, 4), sha);
        try {
            assertEquals(SIZE, Files.size(stored));
            HttpRequest download = HttpRequest.newBuilder(base.toURI().resolve(file.path("href").asText().substring(1)))
                    .header("Authorization", "Bearer " + Fixtures.token("reviewer", null)).GET().build();
            HttpResponse<InputStream> response = http.send(download, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long count = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.update(buffer, 0, n);
                    count += n;
                }
            }
            assertEquals(SIZE, count);
            assertEquals(sha, HexFormat.of().formatHex(received.digest()));
        } finally {
            Files.deleteIfExists(stored); // keep the disk use of the test bounded
        }
    }

    /** {@code size} bytes of a "PDF": the signature, then pseudo-random bytes, hashed as they are read (if a digest is given). */
    static final class GeneratedPdf extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private final SplittableRandom random;
        private final byte[] block = new byte[1 << 16];
        private int blockPos = block.length;
        private long produced;

        GeneratedPdf(long size, MessageDigest digest) {
            this(size, digest, 2026);
        }

        GeneratedPdf(long size, MessageDigest digest, long seed) {
            this.size = size;
            this.digest = digest;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) {
                return -1;
            }
            if (blockPos == block.length) {
                random.nextBytes(block);
                if (produced == 0) {
                    byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(magic, 0, block, 0, magic.length);
                }
                blockPos = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - blockPos), size - produced);
            System.arraycopy(block, blockPos, b, off, n);
            if (digest != null) {
                digest.update(block, blockPos, n);
            }
            blockPos += n;
            produced += n;
            return n;
        }
    }
}
