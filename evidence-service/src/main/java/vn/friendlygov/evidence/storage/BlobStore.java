package vn.friendlygov.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Where file contents live, addressed by their SHA-256: identical files are stored once, a stored file never
 * changes. Implementations: a filesystem directory (a Kubernetes volume) or an S3-compatible object store.
 */
public interface BlobStore {

    /**
     * Stores the content of {@code source} under {@code sha256} (already computed by the caller, and the source
     * already forced to disk). The source is moved away (or removed) by this call. If the content is already stored,
     * refreshes its age so the orphan sweeper spares it.
     */
    void put(String sha256, Path source, long size) throws IOException;

    /**
     * Like {@link #put}, but the content's new name may still be on its way to disk when this returns: the future
     * completes when the content is durable under its address. A record pointing at it must not commit before.
     */
    default CompletableFuture<Void> moveIn(String sha256, Path source, long size) throws IOException {
        put(sha256, source, size);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Where uploads are written while they arrive: for the filesystem store a directory inside it (same filesystem,
     * so storing is a rename); for S3 a local spool directory.
     */
    Path incomingDirectory();

    /** A new empty temporary file in {@link #incomingDirectory()}. */
    default Path newIncomingFile() throws IOException {
        return Files.createTempFile(incomingDirectory(), "upload-", ".part");
    }

    /** The local file holding a content, when the store keeps contents as files (for zero-copy downloads). */
    default Optional<Path> localFile(String sha256) {
        return Optional.empty();
    }

    /**
     * Removes temporary uploads last written before {@code before}: what a process killed in the middle of an upload
     * leaves. Returns how many.
     */
    default int deleteIncomingOlderThan(Instant before) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incomingDirectory())) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)
                            && Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (NoSuchFileException e) {
                    // moved into the store meanwhile
                }
            }
        }
        return deleted;
    }

    /** Opens {@code length} bytes of the content from {@code offset}. */
    InputStream open(String sha256, long offset, long length) throws IOException;

    boolean exists(String sha256) throws IOException;

    /** Calls {@code visitor} with the hash and last-modified time of every stored content (for the orphan sweeper). */
    void forEach(BiConsumer<String, Instant> visitor) throws IOException;

    /** Removes a content; only the orphan sweeper calls this (users never delete). */
    void delete(String sha256) throws IOException;
}
