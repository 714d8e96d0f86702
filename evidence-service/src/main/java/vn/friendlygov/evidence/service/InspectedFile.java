package vn.friendlygov.evidence.service;

import java.nio.file.Path;
import vn.friendlygov.evidence.service.PhotoMetadata.Exif;

/** An uploaded file that passed every check, with what was learnt of it; still in the upload spool. */
public record InspectedFile(Path spooled, String fileName, long size, String sha256, String mediaType, Exif exif) {
}
