package vn.friendlygov.evidence.storage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import vn.friendlygov.evidence.config.EvidenceConfig;

/** Chooses the store from {@code evidence.storage.kind}. */
@ApplicationScoped
public class BlobStoreProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    BlobStore blobStore(EvidenceConfig config, DiskFlush flush) {
        return switch (config.storage().kind()) {
            case "filesystem" -> new FilesystemBlobStore(Path.of(config.storage().directory()), flush);
            case "s3" -> new S3BlobStore(config.storage().s3(), Path.of(config.storage().spoolDirectory()
                    .orElse(System.getProperty("java.io.tmpdir") + "/evidence-incoming")));
            default -> throw new IllegalStateException("evidence.storage.kind must be filesystem or s3, not "
                    + config.storage().kind());
        };
    }

    void close(@Disposes BlobStore store) throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }
}
