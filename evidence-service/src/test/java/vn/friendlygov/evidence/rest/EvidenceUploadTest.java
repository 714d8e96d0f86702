package vn.friendlygov.evidence.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.domain.StoredBlob;
import vn.friendlygov.testsupport.TopicProbe;

@QuarkusTest
class EvidenceUploadTest {

    static Path blobPath(String sha) {
        return Path.of("target/evidence-blobs", sha.substring(0, 2), sha.substring(2, 4), sha);
    }

    @Test
    void anOfficerOfTheLeadUnitSubmitsFilesThatAreStoredByContentAndAnnounced() throws Exception {
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("báo cáo " + task.id);
        byte[] docx = Fixtures.docx("kế hoạch " + task.id);
        // the title arrives decomposed (combining marks) and must be stored composed (NFC)
        String decomposedTitle = Normalizer.normalize("Báo cáo kết quả lấy ý kiến Quý I", Normalizer.Form.NFD);

        ExtractableResponse<Response> created = Fixtures.as("officer", "VHXH")
                .multiPart("kind", "REPORT")
                .multiPart("title", decomposedTitle, "text/plain; charset=UTF-8")
                .multiPart("activityDate", "2026-03-15")
                .multiPart("place", "Nhà văn hóa tổ dân phố số 5", "text/plain; charset=UTF-8")
                .multiPart("files", "Báo cáo Quý I — Phù Liễn.pdf", pdf, "application/octet-stream")
                .multiPart("files", "Kế hoạch.docx", docx, "application/octet-stream")
                .when().post("/api/v1/tasks/" + task.id + "/evidence")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/evidence/"))
                .body("state", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("kind", equalTo("REPORT"))
                .body("title", equalTo("Báo cáo kết quả lấy ý kiến Quý I"))
                .body("place", equalTo("Nhà văn hóa tổ dân phố số 5"))
                .body("unit", equalTo("VHXH"))
                .body("files", hasSize(2))
                .body("history[0].action", equalTo("SUBMITTED"))
                .extract();
        String id = created.path("id");
        assertTrue(Normalizer.isNormalized(created.path("title"), Normalizer.Form.NFC));
        // media type from the content, the original Vietnamese file name kept
        assertEquals("application/pdf", created.path("files.find { it.fileName == 'Báo cáo Quý I — Phù Liễn.pdf' }.mediaType"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                created.path("files.find { it.fileName == 'Kế hoạch.docx' }.mediaType"));
        assertEquals(Fixtures.sha256(pdf), created.path("files.find { it.fileName == 'Báo cáo Quý I — Phù Liễn.pdf' }.sha256"));
        assertArrayEquals(pdf, Files.readAllBytes(blobPath(Fixtures.sha256(pdf))));

        List<ConsumerRecord<String, String>> events = TopicProbe.readUntil("evidence.evidence-events.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> event = events.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertEquals("vn.friendlygov.evidence.evidence.submitted.v1", header(event, "ce_type"));
        assertEquals(Fixtures.WARD, header(event, "ce_ward"));
        assertTrue(event.value().contains("\"taskId\":\"" + task.id + "\""), event.value());
        assertTrue(event.value().contains("\"state\":\"SUBMITTED\""), event.value());
        assertTrue(event.value().contains("\"title\":\"Báo cáo kết quả lấy ý kiến Quý I\""), event.value());
    }

    @Test
    void identicalFilesAreStoredOnceAndOfficersOfCoordinatingUnitsMaySubmit() throws Exception {
        Task task = new Task().publish();
        byte[] photo = Fixtures.png(task.id.hashCode() & 0xff);
        String first = submitPhoto(task, "KT", "ảnh 1.png", photo);
        Path stored = blobPath(Fixtures.sha256(photo));
        long modifiedBefore = Files.getLastModifiedTime(stored).toMillis();
        String second = submitPhoto(task, "VHXH", "ảnh chụp lại.png", photo);

        assertTrue(!first.equals(second));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> StoredBlob.count("sha256", Fixtures.sha256(photo))));
        try (var files = Files.list(stored.getParent())) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().equals(Fixtures.sha256(photo))).count());
        }
        assertTrue(Files.getLastModifiedTime(stored).toMillis() >= modifiedBefore);
        Fixtures.as("officer", "KT").when().get("/api/v1/evidence/" + second).then().statusCode(200)
                .body("files[0].fileName", equalTo("ảnh chụp lại.png"))
                .body("files[0].mediaType", equalTo("image/png"))
                .body("files[0].capturedAt", nullValue());
    }

    @Test
    void aLargeFileEndingInsideABlockIsStoredAndServedByteForByte() throws Exception {
        Task task = new Task().publish();
        // over 1 MiB (written on the background writer, whole blocks directly), under the tests' 5 MiB limit, and
        // not a multiple of 4 KiB
        byte[] pdf = Arrays.copyOf(Fixtures.pdf("lớn " + task.id), 4 * 1024 * 1024 + 1234);
        for (int i = 4096; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31 + (i >> 12));
        }
        String id = Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Hồ sơ lớn")
                .multiPart("files", "hồ sơ lớn.pdf", pdf, "application/octet-stream")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201)
                .body("files[0].sha256", equalTo(Fixtures.sha256(pdf)))
                .body("files[0].mediaType", equalTo("application/pdf"))
                .extract().path("id");
        assertArrayEquals(pdf, Files.readAllBytes(blobPath(Fixtures.sha256(pdf))));
        String href = Fixtures.as("reviewer", null).when().get("/api/v1/evidence/" + id).then().statusCode(200)
                .extract().path("files[0].href");
        assertArrayEquals(pdf, Fixtures.as("reviewer", null).when().get(href).then().statusCode(200)
                .extract().asByteArray());
    }

    @Test
    void downloadsKeepTheTypeAndTheVietnameseNameAndServeRanges() {
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("biên bản " + task.id);
        String id = Fixtures.as("officer", "VHXH").multiPart("kind", "DOCUMENT").multiPart("title", "Biên bản họp")
                .multiPart("files", "Biên bản họp dân.pdf", pdf, "application/octet-stream")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
        String href = Fixtures.as("reviewer", null).when().get("/api/v1/evidence/" + id).then().statusCode(200)
                .extract().path("files[0].href");

        ExtractableResponse<Response> whole = Fixtures.as("reviewer", null).when().get(href).then().statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", String.valueOf(pdf.length))
                .header("ETag", "\"" + Fixtures.sha256(pdf) + "\"")
                .extract();
        assertArrayEquals(pdf, whole.asByteArray());
        assertEquals("attachment; filename=\"Bien ban hop dan.pdf\"; "
                + "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp%20d%C3%A2n.pdf", whole.header("Content-Disposition"));

        byte[] part = Fixtures.as("officer", "KT").header("Range", "bytes=5-12").when().get(href).then()
                .statusCode(206)
                .header("Content-Range", "bytes 5-12/" + pdf.length)
                .header("Content-Length", "8")
                .extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(pdf, 5, 13), part);
        byte[] tail = Fixtures.as("officer", "KT").header("Range", "bytes=-6").when().get(href).then()
                .statusCode(206).extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 6, pdf.length), tail);
        Fixtures.as("officer", "KT").header("Range", "bytes=" + pdf.length + "-").when().get(href).then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + pdf.length)
                .contentType("application/problem+json");
        // another unit, not involved in the task, may not read it
        Fixtures.as("officer", "CA").when().get(href).then().statusCode(403).contentType("application/problem+json");
        Fixtures.as("officer", "CA").when().get("/api/v1/evidence/" + id).then().statusCode(403);
    }

    @Test
    void aLinkNeedsNoFile() {
        Task task = new Task().publish();
        Fixtures.as("officer", "VHXH").multiPart("kind", "LINK").multiPart("title", "Tin bài trên cổng thông tin")
                .multiPart("url", "https://phulien.haiphong.gov.vn/tin-tuc/lay-y-kien")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201)
                .body("kind", equalTo("LINK"))
                .body("url", equalTo("https://phulien.haiphong.gov.vn/tin-tuc/lay-y-kien"))
                .body("files", hasSize(0));
    }

    @Test
    void aBrowserFormWithUtf8TextAndFileNamesKeepsTheVietnameseExactly() throws Exception {
        Task task = new Task().publish();
        // as browsers send it: raw UTF-8 in the part headers, text parts without a Content-Type
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--ranh-gioi\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nDECISION\r\n"
                + "--ranh-gioi\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQuyết định công nhận"
                + " \"Phường văn minh đô thị\"\r\n"
                + "--ranh-gioi\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Quyết định số 12-QĐ UBND.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Fixtures.pdf("qđ " + task.id));
        body.write("\r\n--ranh-gioi--\r\n".getBytes(StandardCharsets.UTF_8));
        io.restassured.RestAssured.given().auth().oauth2(Fixtures.token("officer", "VHXH"))
                .contentType("multipart/form-data; boundary=ranh-gioi").body(body.toByteArray())
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201)
                .body("kind", equalTo("DECISION"))
                .body("title", equalTo("Quyết định công nhận \"Phường văn minh đô thị\""))
                .body("files[0].fileName", equalTo("Quyết định số 12-QĐ UBND.pdf"));
    }

    static String submitPhoto(Task task, String unit, String name, byte[] content) {
        return Fixtures.as("officer", unit).multiPart("kind", "PHOTO").multiPart("title", "Hình ảnh hoạt động")
                .multiPart("files", name, content, "image/png")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
