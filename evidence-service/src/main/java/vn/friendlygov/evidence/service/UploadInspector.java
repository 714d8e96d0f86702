package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.evidence.config.EvidenceConfig;

/**
 * Checks uploaded files before anything is stored: a safe name, not empty, within the size limit, an allowed type
 * by content. Reads each file once from the spool to hash it; nothing is held in memory beyond a buffer.
 */
@ApplicationScoped
public class UploadInspector {

    /** What the REST layer hands over: the spooled file and the name the client gave. */
    public record Upload(Path spooled, String fileName) {
    }

    private final EvidenceConfig config;
    private final MediaTypeDetector detector;
    private final PhotoMetadata photos;

    public UploadInspector(EvidenceConfig config, MediaTypeDetector detector, PhotoMetadata photos) {
        this.config = config;
        this.detector = detector;
        this.photos = photos;
    }

    public List<InspectedFile> inspect(List<Upload> uploads) {
        List<InspectedFile> result = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            result.add(inspect("files[" + i + "]", uploads.get(i)));
        }
        return result;
    }

    private InspectedFile inspect(String field, Upload upload) {
        String name = checkedName(field, upload.fileName());
        try {
            long size = Files.size(upload.spooled());
            if (size == 0) {
                throw invalid(field, "the file " + name + " is empty");
            }
            if (size > config.maxFileSize()) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, field + ": the file is " + size
                        + " bytes, the limit is " + config.maxFileSize() + " bytes",
                        List.of(new Problem.Violation(field, "larger than " + config.maxFileSize() + " bytes")));
            }
            String type = detector.detect(upload.spooled(), name);
            if (!config.allowedTypes().contains(type)) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, field + ": the content of " + name
                        + " is " + type + ", which is not accepted as evidence",
                        List.of(new Problem.Violation(field, "content type " + type + " is not allowed")));
            }
            return new InspectedFile(upload.spooled(), name, size, sha256(upload.spooled()), type,
                    photos.read(upload.spooled(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }

    /** The name as shown and downloaded later: NFC, no directory part, no control characters. */
    static String checkedName(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid(field, "the file has no name");
        }
        String name = VietnameseText.nfc(raw.strip());
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw invalid(field, "the file name must not contain a path");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(field, "the file name contains control characters");
        }
        if (name.length() > 255) {
            throw invalid(field, "the file name is longer than 255 characters");
        }
        return name;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }
}
