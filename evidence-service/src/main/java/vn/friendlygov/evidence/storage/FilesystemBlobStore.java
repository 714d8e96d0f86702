package vn.friendlygov.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Contents as files {@code <root>/ab/cd/<sha256>}. Uploads are written to {@code <root>/.incoming} as they arrive
 * and then renamed into place atomically (moved, never copied), so a reader never sees half a file.
 */
public class FilesystemBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path incoming;
    /** Directories whose entry in their parent is known to be on disk (at most 65,536 + 256). */
    private final Set<Path> durableDirectories = ConcurrentHashMap.newKeySet();
    private final DiskFlush flush;

    public FilesystemBlobStore(Path root, DiskFlush flush) {
        this.flush = flush;
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
        DiskFlush.await(moveIn(sha256, source, size));
    }

    /**
     * Renames the content into place now; its new name (and any new directory) reaches the disk on a flush thread
     * while the caller goes on with its record: the returned future completes when it has.
     */
    @Override
    public CompletableFuture<Void> moveIn(String sha256, Path source, long size) throws IOException {
        Path target = path(sha256);
        Path dir = target.getParent();
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            // its bytes were forced before it was renamed into place, but the upload that placed it may have failed
            // (and released the content's lock) while the force of its name was still running: force it again
            return forceEntries(dir);
        }
        Files.createDirectories(dir);
        if (!source.toAbsolutePath().getParent().equals(incoming)) {
            // not written by an upload into this store (another filesystem, perhaps): copy it in and force it first
            Path staged = newIncomingFile();
            try {
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.deleteIfExists(source);
                source = staged;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(staged);
                throw e;
            }
        }
        // a rename inside one filesystem: atomic, no byte copied; a reader never sees half a file. If the same
        // content arrived concurrently, the rename replaces identical bytes.
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        // the file's own fsync covers its bytes, not its new name: the rename (and a new directory) must be on disk
        // before the record that points at it commits, or a crash could leave the row and lose the name
        return forceEntries(dir);
    }

    /**
     * Forces {@code dir} (the names in it) and, once per directory and process, each directory's own entry in its
     * parent, whoever created it (a concurrent upload may have created it and not yet forced its parent); a directory
     * is remembered only once its entry is forced.
     */
    private CompletableFuture<Void> forceEntries(Path dir) {
        List<Path> directories = new ArrayList<>();
        directories.add(dir);
        List<Path> entered = new ArrayList<>();
        for (Path d = dir; !d.equals(root) && !durableDirectories.contains(d); d = d.getParent()) {
            directories.add(d.getParent());
            entered.add(d);
        }
        return flush.forceDirectories(directories).thenRun(() -> durableDirectories.addAll(entered));
    }

    @Override
    public Path incomingDirectory() {
        return incoming;
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        return Optional.of(path(sha256));
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
