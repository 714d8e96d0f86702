package vn.friendlygov.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /** Largest accepted file, in bytes; {@code quarkus.http.limits.max-body-size} must leave room above it. */
    @WithDefault("1073741824")
    long maxFileSize();

    /** Media types accepted, as detected from the content (never from the file name). */
    Set<String> allowedTypes();

    /** Business time zone: EXIF times without an offset and "today" for due-date reports are read in it. */
    @WithDefault("Asia/Ho_Chi_Minh")
    String zone();

    Storage storage();

    interface Storage {

        /** {@code filesystem} (a mounted volume) or {@code s3}. */
        @WithDefault("filesystem")
        String kind();

        /** Root directory of the filesystem store. */
        @WithDefault("data/evidence-blobs")
        String directory();

        /**
         * A stored file that no record references after this long is an orphan of a crashed upload and is removed.
         * Longer than any upload takes between writing the file and committing its record.
         */
        @WithDefault("6h")
        Duration orphanGrace();

        /** How often the orphan sweeper runs (read by its {@code @Scheduled} expression). */
        @WithDefault("1h")
        String sweepEvery();

        /**
         * A temporary upload file (in the store's {@code .incoming} directory, or the S3 spool directory) not written
         * to for this long was left by a process that died during an upload, and is removed by the sweeper.
         */
        @WithDefault("6h")
        Duration incomingMaxAge();

        /** With the S3 store: where uploads are spooled while they arrive (default: the temporary directory). */
        Optional<String> spoolDirectory();

        /** Delay of the sweeper's first run after start. */
        @WithDefault("10m")
        String sweepDelay();

        S3 s3();
    }

    interface S3 {
        Optional<String> endpoint();

        @WithDefault("evidence")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Path-style addressing, as MinIO, Ceph and s3proxy expect. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
