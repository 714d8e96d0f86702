package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides a file's media type from its content (Tika's magic-byte signatures). The file name is only allowed to
 * refine what the content already shows: a ZIP container named {@code .docx} is a Word document and a plain text
 * named {@code .csv} is CSV, but an executable named {@code .pdf} stays an executable, and content with no known
 * signature stays {@code application/octet-stream} whatever its name. (Tika's own name hint would trust the name
 * when the content matches nothing.)
 */
@ApplicationScoped
public class MediaTypeDetector {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /** How many leading bytes of a file the content signatures look at (Tika's own minimum, at most 64 KiB). */
    public int headLength() {
        return Math.min(types.getMinLength(), 64 * 1024);
    }

    /** The type of a file of which only the first {@code length} bytes (up to {@link #headLength()}) are given. */
    public String detect(byte[] head, int length, String fileName) throws IOException {
        MediaType byContent;
        try (InputStream in = new ByteArrayInputStream(head, 0, length)) {
            byContent = types.detect(in, new Metadata()).getBaseType();
        }
        if (fileName == null || MediaType.OCTET_STREAM.equals(byContent)) {
            return byContent.toString();
        }
        MediaType byName = types.getMimeType(fileName).getType().getBaseType();
        return registry.isSpecializationOf(byName, byContent) ? byName.toString() : byContent.toString();
    }
}
