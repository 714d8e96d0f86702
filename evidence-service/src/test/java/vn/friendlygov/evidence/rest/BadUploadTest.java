package vn.friendlygov.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.domain.StoredBlob;
import vn.friendlygov.testsupport.TestTokens;

/** Every bad upload gets a problem+json answer and leaves no record, no stored file and no spooled upload behind. */
@QuarkusTest
class BadUploadTest {

    static final Path STORE = Path.of("target/evidence-blobs");
    static final Path SPOOL = STORE.resolve(".incoming"); // uploads are written here while they arrive

    Task task;

    @BeforeEach
    void task() {
        task = new Task().publish();
    }

    @Test
    void anEmptyFileIsRefused() {
        refused(r -> r.multiPart("files", "trống.pdf", new byte[0], "application/pdf"), 400, "files[0]", "empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        byte[] head = Fixtures.pdf("lớn");
        System.arraycopy(head, 0, big, 0, head.length);
        refused(r -> r.multiPart("files", "lớn.pdf", big, "application/pdf"), 413, "files[0]", "limit");
    }

    @Test
    void aTypeNotAllowedOrAnExecutableRenamedToPdfIsRefusedWith415() {
        refused(r -> r.multiPart("files", "chương trình.pdf", Fixtures.exe(), "application/pdf"), 415, "files[0]",
                "not accepted");
        refused(r -> r.multiPart("files", "ghi chú.pdf", "chỉ là văn bản".getBytes(StandardCharsets.UTF_8),
                "application/pdf"), 415, "files[0]", "text/plain");
        // one bad file among good ones refuses the whole submission
        refused(r -> r.multiPart("files", "tốt.pdf", Fixtures.pdf("tốt " + task.id), "application/pdf")
                .multiPart("files", "setup.exe", Fixtures.exe(), "application/octet-stream"), 415, "files[1]", "");
    }

    @Test
    void aPathInTheFileNameIsRefused() {
        refused(r -> r.multiPart("files", "../../etc/passwd.pdf", Fixtures.pdf("p1" + task.id), "application/pdf"),
                400, "files[0]", "path");
        refused(r -> r.multiPart("files", "C:\\Users\\cb\\báo cáo.pdf", Fixtures.pdf("p2" + task.id),
                "application/pdf"), 400, "files[0]", "path");
    }

    @Test
    void missingMetadataNamesTheFields() {
        long before = storedFiles();
        Fixtures.as("officer", "VHXH").multiPart("files", "a.pdf", Fixtures.pdf("m" + task.id), "application/pdf")
                .multiPart("activityDate", "31/03/2026")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("kind", "title", "activityDate"));
        Fixtures.as("officer", "VHXH").multiPart("kind", "PHOTO").multiPart("title", "Ảnh")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(400).body("violations[0].field", equalTo("files"));
        Fixtures.as("officer", "VHXH").multiPart("kind", "LINK").multiPart("title", "Liên kết")
                .multiPart("url", "javascript:alert(1)")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(400).body("violations[0].field", equalTo("url"));
        nothingLeft(before);
    }

    @Test
    void aBrokenMultipartBodyIsRefused() {
        long before = storedFiles();
        given().auth().oauth2(Fixtures.token("officer", "VHXH"))
                .contentType("multipart/form-data; boundary=ranh-gioi")
                .body(("--ranh-gioi\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 cut short without the closing boundary")
                        .getBytes(StandardCharsets.US_ASCII))
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(400).contentType("application/problem+json");
        nothingLeft(before);
    }

    @Test
    void onlyOfficersOfTheTaskUnitsInTheTaskWardMaySubmit() {
        refusedAs(Fixtures.as("officer", "CA"), 403);
        refusedAs(given().header("Accept-Language", "en").auth().oauth2(TestTokens.token("officer", "VHXH", "an-lu")), 403);
        refusedAs(Fixtures.as("leader", "VHXH"), 403);
        refusedAs(given(), 401);
        long before = storedFiles();
        Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "x")
                .multiPart("files", "a.pdf", Fixtures.pdf("404" + task.id), "application/pdf")
                .when().post("/api/v1/tasks/no-such-task/evidence").then()
                .statusCode(404).contentType("application/problem+json");
        nothingLeft(before);
    }

    private void refusedAs(RequestSpecification request, int status) {
        long before = storedFiles();
        byte[] pdf = Fixtures.pdf("forbidden " + task.id);
        request.multiPart("kind", "DOCUMENT").multiPart("title", "Văn bản")
                .multiPart("files", "văn bản.pdf", pdf, "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(status).contentType("application/problem+json");
        nothingLeft(before);
    }

    private void refused(Function<RequestSpecification, RequestSpecification> files, int status, String field,
            String detail) {
        long before = storedFiles();
        files.apply(Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Văn bản"))
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString(detail))
                .body("violations.field", hasItems(field));
        nothingLeft(before);
    }

    @Test
    void anUploadCutOffByTheClientLeavesNoTemporaryFile() throws Exception {
        long before = storedFiles();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tasks/" + task.id + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Fixtures.token("officer", "VHXH") + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: 4000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; "
                    + "filename=\"dở dang.pdf\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            // over 1 MiB: the file is being written on the background writer, its whole blocks directly
            byte[] part = new byte[3_000_000];
            byte[] pdf = Fixtures.pdf("dở dang " + task.id);
            System.arraycopy(pdf, 0, part, 0, pdf.length);
            out.write(part);
            out.flush();
            // the file is being written into the store's incoming directory as it arrives
            await().atMost(Duration.ofSeconds(20)).until(() -> count(SPOOL) == 1);
        } // the client goes away in the middle of the body
        awaitNoTemporaryFiles();
        assertEquals(0, Fixtures.evidenceCount(task.id));
        assertEquals(before, storedFiles());
    }

    @Test
    void aClientThatWaitsFor100ContinueHearsOnlyAfterTheChecksPass() throws Exception {
        byte[] pdf = Fixtures.pdf("100-continue " + task.id);
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDOCUMENT\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\nBiên bản\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"biên bản.pdf\"\r\n\r\n"
                + new String(pdf, StandardCharsets.ISO_8859_1) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        // not allowed: refused without the body ever being asked for
        String refused = expectContinue(Fixtures.token("officer", "CA"), body, false);
        assertTrue(refused.startsWith("HTTP/1.1 403"), refused);
        // allowed: 100 Continue, then the body, then 201
        String accepted = expectContinue(Fixtures.token("officer", "VHXH"), body, true);
        assertTrue(accepted.startsWith("HTTP/1.1 100 Continue"), accepted);
        assertTrue(accepted.contains("HTTP/1.1 201"), accepted);
        assertEquals(1, Fixtures.evidenceCount(task.id));
    }

    /** Sends the head with {@code Expect: 100-continue}, the body only if told to; returns all that came back. */
    private String expectContinue(String token, byte[] body, boolean sendBody) throws Exception {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/tasks/" + task.id + "/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: multipart/form-data; boundary=b\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            // the first line decides: 100 (send the body) or the final answer
            while (!answer.toString().contains("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                answer.append((char) c);
            }
            if (sendBody && answer.toString().startsWith("HTTP/1.1 100")) {
                out.write(body);
                out.flush();
            }
            answer.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return answer.toString();
        }
    }

    private void nothingLeft(long storedBefore) {
        assertEquals(0, Fixtures.evidenceCount(task.id));
        assertEquals(storedBefore, storedFiles(), "stored files (x 1,000,000) + stored_blob rows");
        awaitNoTemporaryFiles();
    }

    /** Temporary upload files are removed when a request is refused or broken off (tests run one at a time). */
    static void awaitNoTemporaryFiles() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(SPOOL) == 0);
    }

    private static long storedFiles() {
        long rows = QuarkusTransaction.requiringNew().call(() -> StoredBlob.count());
        return count(STORE) * 1_000_000 + rows;
    }

    private static long count(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
