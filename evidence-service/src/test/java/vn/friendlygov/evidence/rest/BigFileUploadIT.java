package vn.friendlygov.evidence.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.testsupport.TopicProbe;

/**
 * A 512 MiB upload and download through the packaged service running in its own JVM with a 128 MiB heap
 * ({@code quarkus.test.arg-line} of the {@code big-file} execution, which runs after packaging): only possible if
 * neither direction holds the file in memory. (The test JVM itself hosts the Kafka broker and Quarkus' test
 * machinery, which need more than that.) The file is generated while it is sent, so the test keeps no copy of it.
 */
@QuarkusIntegrationTest
class BigFileUploadIT {

    static final long SIZE = 512L * 1024 * 1024;

    @Test
    void aFileFourTimesLargerThanTheHeapGoesInAndComesBackIntact() throws Exception {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Task task = new Task();
        task.dueDate = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        task.periodEnd = task.dueDate;
        TopicProbe.send(Fixtures.event(UUID.randomUUID().toString(), Fixtures.CREATED, task.json()));
        // the service knows the task once its report lists it (no database access from this JVM)
        String officer = Fixtures.token("officer", "VHXH");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                        base.resolve("api/v1/reports/tasks-without-evidence?days=2"))
                        .header("Authorization", "Bearer " + officer).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains(task.id));

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        String boundary = "ranh-gioi-lon";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPORT\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nVideo hội nghị tổng kết\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"Báo cáo lớn.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(base.resolve("api/v1/tasks/" + task.id + "/evidence"))
                .header("Authorization", "Bearer " + officer)
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
        Path stored = Path.of(System.getProperty("evidence.it.store", "target/evidence-blobs-it"),
                sha.substring(0, 2), sha.substring(2, 4), sha);
        try {
            assertEquals(SIZE, Files.size(stored));
            HttpRequest download = HttpRequest.newBuilder(base.resolve(file.path("href").asText().substring(1)))
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
