package vn.friendlygov.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
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

    public String detect(Path file, String fileName) throws IOException {
        MediaType byContent;
        try (InputStream in = TikaInputStream.get(file)) {
            byContent = types.detect(in, new Metadata()).getBaseType();
        }
        if (fileName == null || MediaType.OCTET_STREAM.equals(byContent)) {
            return byContent.toString();
        }
        MediaType byName = types.getMimeType(fileName).getType().getBaseType();
        return registry.isSpecializationOf(byName, byContent) ? byName.toString() : byContent.toString();
    }
}
