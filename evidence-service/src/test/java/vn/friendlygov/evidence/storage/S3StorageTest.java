package vn.friendlygov.evidence.storage;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;
import vn.friendlygov.evidence.service.OrphanSweeper;

/** The same service with the S3 option, against a real S3 API server. */
@QuarkusTest
@TestProfile(S3StorageTest.S3Storage.class)
class S3StorageTest {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyResource.class));
        }
    }

    @Inject
    BlobStore store;

    @Inject
    OrphanSweeper sweeper;

    @Test
    void filesGoToTheBucketByHashOnceAndComeBackWithRanges() throws Exception {
        assertTrue(io.quarkus.arc.ClientProxy.unwrap(store) instanceof S3BlobStore);
        Task task = new Task().publish();
        byte[] pdf = Fixtures.pdf("s3 " + task.id);
        String sha = Fixtures.sha256(pdf);
        String first = Fixtures.as("officer", "VHXH").multiPart("kind", "REPORT").multiPart("title", "Báo cáo")
                .multiPart("files", "Báo cáo tổng hợp.pdf", pdf, "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201).extract().path("id");
        Fixtures.as("officer", "KT").multiPart("kind", "REPORT").multiPart("title", "Cùng tệp")
                .multiPart("files", "bản sao.pdf", pdf, "application/pdf")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201);

        // one object for the two uploads, holding exactly the bytes sent
        try (var objects = Files.list(S3ProxyResource.object("blobs"))) {
            assertEquals(1, objects.filter(p -> p.getFileName().toString().equals(sha)).count());
        }
        assertArrayEquals(pdf, Files.readAllBytes(S3ProxyResource.object("blobs/" + sha)));

        String href = Fixtures.as("reviewer", null).when().get("/api/v1/evidence/" + first).then()
                .extract().path("files[0].href");
        assertArrayEquals(pdf, Fixtures.as("reviewer", null).when().get(href).then().statusCode(200)
                .header("Content-Type", "application/pdf").extract().asByteArray());
        assertArrayEquals(Arrays.copyOfRange(pdf, 10, 30), Fixtures.as("reviewer", null).header("Range", "bytes=10-29")
                .when().get(href).then().statusCode(206).header("Content-Range", equalTo("bytes 10-29/" + pdf.length))
                .extract().asByteArray());

        // an orphan in the bucket (a crashed upload) is swept, the referenced object stays
        Path orphan = Files.createTempFile("orphan", ".bin");
        Files.writeString(orphan, "mồ côi " + task.id);
        String orphanSha = Fixtures.sha256(Files.readAllBytes(orphan));
        store.put(orphanSha, orphan, Files.size(orphan));
        assertFalse(Files.exists(orphan), "the spooled source is removed once it is in the bucket");
        assertTrue(store.exists(orphanSha));
        sweeper.sweep(Duration.ZERO);
        assertFalse(store.exists(orphanSha));
        assertTrue(store.exists(sha));
    }
}
