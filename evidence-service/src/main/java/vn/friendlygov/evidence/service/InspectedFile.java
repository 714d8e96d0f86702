package vn.friendlygov.evidence.service;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import vn.friendlygov.evidence.service.PhotoMetadata.Exif;

/**
 * An uploaded file that passed every check, with what was learnt of it; still in the upload spool. {@code forced}
 * completes when its bytes are on disk (the final flush runs while the record's first statement does).
 */
public record InspectedFile(Path spooled, String fileName, long size, String sha256, String mediaType, Exif exif,
        CompletableFuture<Void> forced) {

    /** A spooled file already on disk. */
    public InspectedFile(Path spooled, String fileName, long size, String sha256, String mediaType, Exif exif) {
        this(spooled, fileName, size, sha256, mediaType, exif, CompletableFuture.completedFuture(null));
    }
}
