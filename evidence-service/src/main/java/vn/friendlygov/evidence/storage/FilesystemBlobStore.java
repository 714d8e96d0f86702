package vn.friendlygov.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Contents as files {@code <root>/ab/cd/<sha256>}. A new content is first placed in {@code <root>/.incoming} and then
 * renamed into place atomically, so a reader never sees half a file; the spooled upload is moved, not copied, when it
 * is on the same filesystem.
 */
public class FilesystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence store at " + this.root, e);
        }
    }

    @Override
    public void put(String sha256, Path source, long size) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        }
        Files.createDirectories(target.getParent());
        Path staged = Files.createTempFile(incoming, sha256, ".part");
        try {
            try {
                Files.move(source, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                ch.force(true); // durable before the record that points at it commits
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // the same content arrived concurrently: it is stored either way
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        FileChannel ch = FileChannel.open(path(sha256), StandardOpenOption.READ);
        ch.position(offset);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public void forEach(BiConsumer<String, Instant> visitor) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> SHA256.matcher(p.getFileName().toString()).matches())
                    .forEach(p -> {
                        try {
                            visitor.accept(p.getFileName().toString(), Files.getLastModifiedTime(p).toInstant());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
