package vn.friendlygov.evidence.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;

/** Capture time and position come from the photo's EXIF; a photo taken outside the task's period is flagged. */
@QuarkusTest
class PhotoExifTest {

    /** A JPEG as a phone writes it: local capture time without offset, GPS position. */
    static byte[] photo(int seed, String dateTimeOriginal, double latitude, double longitude) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, dateTimeOriginal);
        exif.setGpsInDegrees(longitude, latitude);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(Fixtures.jpeg(seed), out, exif);
        return out.toByteArray();
    }

    @Test
    void captureTimeAndPositionAreShownAndPhotosOutsideThePeriodAreFlagged() throws Exception {
        Task task = new Task().publish(); // period 2026-01-01 .. 2026-03-31
        byte[] inside = photo(task.id.hashCode() & 0xff, "2026:02:14 09:30:00", 20.8648, 106.6297);
        byte[] outside = photo((task.id.hashCode() >> 8) & 0xff, "2025:12:31 23:30:00", 20.86, 106.63);

        var json = Fixtures.as("officer", "KT").multiPart("kind", "PHOTO").multiPart("title", "Buổi đối thoại với nhân dân")
                .multiPart("files", "IMG_0001.jpg", inside, "image/jpeg")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201)
                .body("files[0].mediaType", equalTo("image/jpeg"))
                // 09:30 in Hải Phòng (UTC+7) is 02:30 UTC
                .body("files[0].capturedAt", equalTo("2026-02-14T02:30:00Z"))
                .body("files[0].outsidePeriod", equalTo(false))
                .body("flagged", equalTo(false))
                .extract().jsonPath();
        assertEquals(20.8648, json.getDouble("files[0].latitude"), 0.0001);
        assertEquals(106.6297, json.getDouble("files[0].longitude"), 0.0001);

        // 23:30 local on 31 December is the day before the period starts, although it is already 16:30 UTC
        Fixtures.as("officer", "KT").multiPart("kind", "PHOTO").multiPart("title", "Ảnh cũ")
                .multiPart("files", "IMG_0002.jpg", outside, "image/jpeg")
                .when().post("/api/v1/tasks/" + task.id + "/evidence").then().statusCode(201)
                .body("files[0].capturedAt", equalTo("2025-12-31T16:30:00Z"))
                .body("files[0].outsidePeriod", equalTo(true))
                .body("flagged", equalTo(true));

        Fixtures.as("reviewer", null).queryParam("taskId", task.id).when().get("/api/v1/evidence").then()
                .statusCode(200).body("items.findAll { it.flagged }.size()", equalTo(1));
    }
}
