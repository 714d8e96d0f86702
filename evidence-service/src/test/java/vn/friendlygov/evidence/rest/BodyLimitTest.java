package vn.friendlygov.evidence.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} (64 KiB here) get a 413 problem, whether the client declares
 * the length (refused before the body is read, on every endpoint) or streams it chunked to an upload endpoint
 * (refused when the count passes the limit); nothing is kept.
 */
@QuarkusTest
@TestProfile(BodyLimitTest.SmallBodies.class)
class BodyLimitTest {

    public static class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64K");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDeclaredLengthOverTheLimitIsAProblemOnEveryEndpoint() throws Exception {
        Task task = new Task().publish();
        String upload = raw("POST /api/v1/tasks/" + task.id + "/evidence", "multipart/form-data; boundary=b", 70_000);
        assertTrue(upload.startsWith("HTTP/1.1 413"), upload);
        assertTrue(upload.toLowerCase().contains("content-type: application/problem+json"), upload);
        assertTrue(upload.contains("\"status\":413") && upload.contains("payload-too-large"), upload);
        String review = raw("POST /api/v1/evidence/" + UUID.randomUUID() + "/review", "application/json", 1_000_000);
        assertTrue(review.startsWith("HTTP/1.1 413"), review);
        assertTrue(review.contains("payload-too-large"), review);
        assertEquals(0, Fixtures.evidenceCount(task.id));
    }

    @Test
    void aStreamedUploadThatGrowsOverTheLimitIsAProblemAndLeavesNothing() throws Exception {
        Task task = new Task().publish();
        String boundary = "ranh-gioi";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPORT\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQuá lớn\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"lớn.pdf\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/v1/tasks/" + task.id + "/evidence"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + Fixtures.token("officer", "VHXH"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // no length: sent chunked, so only counting the body finds it too large
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
                        new SequenceInputStream(new BigFileUploadIT.GeneratedPdf(100_000, null),
                                new ByteArrayInputStream(tail)))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"field\":\"body\""), response.body());
        assertEquals(0, Fixtures.evidenceCount(task.id));
        BadUploadTest.awaitNoTemporaryFiles();
    }

    /** Sends only the request head, declaring {@code length} bytes, and returns the answer. */
    private String raw(String requestLine, String contentType, long length) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\nAuthorization: Bearer "
                    + Fixtures.token("officer", "VHXH") + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8); // the server closes the connection
        }
    }
}
