package vn.friendlygov.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Where file contents live, addressed by their SHA-256: identical files are stored once, a stored file never
 * changes. Implementations: a filesystem directory (a Kubernetes volume) or an S3-compatible object store.
 */
public interface BlobStore {

    /**
     * Stores the content of {@code source} under {@code sha256} (already computed by the caller). The source may be
     * moved away by this call. If the content is already stored, refreshes its age so the orphan sweeper spares it.
     */
    void put(String sha256, Path source, long size) throws IOException;

    /** Opens {@code length} bytes of the content from {@code offset}. */
    InputStream open(String sha256, long offset, long length) throws IOException;

    boolean exists(String sha256) throws IOException;

    /** Calls {@code visitor} with the hash and last-modified time of every stored content (for the orphan sweeper). */
    void forEach(BiConsumer<String, Instant> visitor) throws IOException;

    /** Removes a content; only the orphan sweeper calls this (users never delete). */
    void delete(String sha256) throws IOException;
}
