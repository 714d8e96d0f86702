package vn.friendlygov.evidence.service;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.jboss.logging.Logger;
import vn.friendlygov.evidence.config.EvidenceConfig;

/** Reads a photo's capture time and GPS position from its EXIF data, when it has any. */
@ApplicationScoped
public class PhotoMetadata {

    private static final Logger LOG = Logger.getLogger(PhotoMetadata.class);

    public record Exif(OffsetDateTime capturedAt, Double latitude, Double longitude) {
        static final Exif NONE = new Exif(null, null, null);
    }

    private final TimeZone zone;

    public PhotoMetadata(EvidenceConfig config) {
        this.zone = TimeZone.getTimeZone(ZoneId.of(config.zone()));
    }

    public Exif read(Path file, String mediaType) {
        if (!mediaType.startsWith("image/")) {
            return Exif.NONE;
        }
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            OffsetDateTime captured = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                // cameras write local time without an offset: read it in the ward's zone unless an offset is given
                Date original = exif.getDateOriginal(zone);
                if (original != null) {
                    captured = original.toInstant().atOffset(ZoneOffset.UTC);
                }
            }
            Double lat = null;
            Double lon = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation location = gps == null ? null : gps.getGeoLocation();
            if (location != null && !location.isZero()) {
                lat = location.getLatitude();
                lon = location.getLongitude();
            }
            return new Exif(captured, lat, lon);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // a photo without readable EXIF is still evidence; the reviewer simply sees no capture data
            LOG.debugf("no readable EXIF in an uploaded %s: %s", mediaType, e.getMessage());
            return Exif.NONE;
        }
    }
}
