package vn.friendlygov.evidence.upload;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.evidence.config.EvidenceConfig;
import vn.friendlygov.evidence.service.InspectedFile;
import vn.friendlygov.evidence.service.MediaTypeDetector;
import vn.friendlygov.evidence.service.PhotoMetadata;
import vn.friendlygov.evidence.storage.BlobStore;
import vn.friendlygov.evidence.storage.DiskFlush;
import vn.friendlygov.evidence.storage.IoThreads;

/**
 * Receives a multipart submission in one pass over the request body: every file part is hashed (SHA-256) while it is
 * written to a temporary file in the store's own incoming directory, so that storing it afterwards is a rename, never
 * a copy; its type is decided from its first bytes only (Tika signatures) as soon as they have arrived; text fields
 * are kept (small, bounded). Nothing of a file is held in memory beyond the reader's buffer and its first bytes.
 *
 * <p>A file that breaks a rule (name with a path, empty, over {@code evidence.max-file-size}, a type not allowed) is
 * remembered as the submission's problem; its temporary file is removed at once and the rest of the body is read
 * and discarded so that the client receives the answer. A body over {@code quarkus.http.limits.max-body-size} is
 * refused (413) without reading further, and the connection is closed after the answer. On every failure all
 * temporary files of the request are removed.
 */
@ApplicationScoped
public class UploadReceiver {

    private static final Logger LOG = Logger.getLogger(UploadReceiver.class);
    private static final int MAX_FIELD_BYTES = 64 * 1024;
    /** A large file is flushed to disk in the background every this many bytes while the rest still arrives. */
    private static final long FLUSH_EVERY = 8L * 1024 * 1024;
    /** Files larger than this are written on a thread of their own while the next bytes are hashed. */
    private static final long BACKGROUND_WRITE_FROM = 1024 * 1024;
    /**
     * Runs background writes and flushes; when all threads are busy an upload writes on its own thread and a flush is
     * skipped (the final one catches up).
     */
    private static final ThreadPoolExecutor IO = IoThreads.pool("evidence-upload-io");

    private final EvidenceConfig config;
    private final MediaTypeDetector detector;
    private final PhotoMetadata photos;
    private final BlobStore store;
    private final DiskFlush flush;
    private final long maxBody;

    public UploadReceiver(EvidenceConfig config, MediaTypeDetector detector, PhotoMetadata photos, BlobStore store,
            DiskFlush flush, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.config = config;
        this.detector = detector;
        this.photos = photos;
        this.store = store;
        this.flush = flush;
        this.maxBody = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** The largest request body accepted on the upload endpoints. */
    public long maxBody() {
        return maxBody;
    }

    /** Thrown when the body exceeds the request limit: the connection is closed after the answer. */
    public static final class BodyTooLarge extends ProblemException {
        BodyTooLarge(long limit) {
            super(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes",
                    List.of(new Problem.Violation("body", "larger than " + limit + " bytes")));
        }
    }

    /**
     * What a submission carried. Close it when done: files not yet moved into the store are removed. {@link #files()}
     * throws the first problem found with a file.
     */
    public static final class Received implements AutoCloseable {
        private final Map<String, String> fields;
        private final List<InspectedFile> files;
        private final ProblemException problem;

        Received(Map<String, String> fields, List<InspectedFile> files, ProblemException problem) {
            this.fields = fields;
            this.files = files;
            this.problem = problem;
        }

        public String field(String name) {
            return fields.get(name);
        }

        public int fileCount() {
            return files.size() + (problem == null ? 0 : 1);
        }

        public List<InspectedFile> files() {
            if (problem != null) {
                throw problem;
            }
            return files;
        }

        @Override
        public void close() {
            for (InspectedFile f : files) {
                deleteQuietly(f.spooled());
            }
        }
    }

    public Received receive(InputStream body, String contentType) {
        String boundary = MultipartReader.boundary(contentType);
        if (boundary == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the body must be multipart/form-data with a boundary",
                    List.of(new Problem.Violation("body", "malformed multipart/form-data")));
        }
        ReadableByteChannel channel = body instanceof ReadableByteChannel c ? c : Channels.newChannel(body);
        MultipartReader reader = new MultipartReader(new LimitedInput(channel, maxBody), boundary);
        Collector collector = new Collector();
        try {
            reader.read(collector);
        } catch (LimitedInput.TooLarge e) {
            collector.abort();
            throw new BodyTooLarge(maxBody);
        } catch (MultipartReader.MalformedMultipartException e) {
            collector.abort();
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the multipart body is malformed: " + e.getMessage(),
                    List.of(new Problem.Violation("body", "malformed multipart/form-data")));
        } catch (IOException | RuntimeException e) {
            collector.abort();
            if (e instanceof ProblemException p) {
                throw p;
            }
            if (e instanceof IOException io) {
                // the client went away or the connection broke: nothing was accepted
                throw new UncheckedIOException("the upload was interrupted", io);
            }
            throw (RuntimeException) e;
        }
        if (collector.problem != null) {
            collector.abort();
        }
        return new Received(collector.fields, collector.files, collector.problem);
    }

    /** Builds fields and files as the parts arrive. */
    private final class Collector implements MultipartReader.Parts {
        final Map<String, String> fields = new HashMap<>();
        final List<InspectedFile> files = new ArrayList<>();
        ProblemException problem;

        // the part being read
        private String fieldName;
        private Charset charset;
        private ByteArrayOutputStream text;
        private FileWriter file;
        private int fileIndex = -1;

        @Override
        public void start(MultipartReader.PartHeaders headers) throws IOException {
            PartDisposition d = PartDisposition.parse(headers.contentDisposition());
            if (d.isFile()) {
                fileIndex++;
                if (problem != null) {
                    return; // the submission is refused already: the rest is only read
                }
                String field = "files[" + fileIndex + "]";
                try {
                    file = new FileWriter(field, FileNames.checked(field, d.fileName()));
                } catch (ProblemException e) {
                    problem = e;
                }
            } else {
                fieldName = d.name();
                charset = charset(headers.contentType());
                text = new ByteArrayOutputStream();
            }
        }

        @Override
        public void data(Chunk chunk, int offset, int length) throws IOException {
            if (file != null) {
                try {
                    file.write(chunk, offset, length);
                } catch (ProblemException e) {
                    problem = e;
                    file.discard();
                    file = null;
                }
            } else if (text != null) {
                if (text.size() + length > MAX_FIELD_BYTES) {
                    throw new ProblemException(ProblemType.INVALID_REQUEST, "the field " + fieldName
                            + " is longer than " + MAX_FIELD_BYTES + " bytes",
                            List.of(new Problem.Violation(fieldName == null ? "body" : fieldName, "too long")));
                }
                byte[] bytes = new byte[length];
                chunk.buffer().get(offset, bytes);
                text.write(bytes, 0, length);
            }
        }

        @Override
        public void end() throws IOException {
            if (file != null) {
                FileWriter f = file;
                file = null;
                try {
                    files.add(f.finish());
                } catch (ProblemException e) {
                    problem = e;
                    f.discard();
                }
            } else if (text != null) {
                if (fieldName != null) {
                    fields.putIfAbsent(fieldName, text.toString(charset));
                }
                text = null;
                fieldName = null;
            }
        }

        /** Removes every temporary file of this request. */
        void abort() {
            if (file != null) {
                file.discard();
                file = null;
            }
            for (InspectedFile f : files) {
                deleteQuietly(f.spooled());
            }
        }
    }

    /** One file part: hashed while written, typed from its first bytes. */
    private final class FileWriter {
        private final String field;
        private final String name;
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest digest = sha256();
        private final byte[] head = new byte[detector.headLength()];
        private int headLength;
        private String type;
        private long size;
        private long flushedUpTo;
        private Future<?> flushing;
        private BackgroundWriter background;

        FileWriter(String field, String name) throws IOException {
            this.field = field;
            this.name = name;
            this.temp = store.newIncomingFile();
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        void write(Chunk chunk, int off, int len) throws IOException {
            size += len;
            if (size > config.maxFileSize()) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, field + ": the file " + name
                        + " is larger than the limit of " + config.maxFileSize() + " bytes",
                        List.of(new Problem.Violation(field, "larger than " + config.maxFileSize() + " bytes")));
            }
            if (headLength < head.length) {
                int n = Math.min(len, head.length - headLength);
                chunk.buffer().get(off, head, headLength, n);
                headLength += n;
                if (headLength == head.length) {
                    checkType(); // refuse a type not allowed as soon as its signature is known
                }
            }
            if (background == null && size > BACKGROUND_WRITE_FROM) {
                // from here on positional writes; the bytes so far were written at the channel's own position
                background = new BackgroundWriter(DirectWrites.open(temp, channel), size - len, IO);
            }
            if (background != null) {
                background.write(chunk, off, len); // not copied; written while the next bytes are hashed
            } else {
                ByteBuffer buffer = chunk.slice(off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            digest.update(chunk.slice(off, len));
            if (size - flushedUpTo >= FLUSH_EVERY && (flushing == null || flushing.isDone())) {
                // write back what has arrived while the rest is still received, so that the final force is short
                flushedUpTo = size;
                try {
                    flushing = IO.submit(() -> {
                        channel.force(false);
                        return null;
                    });
                } catch (RejectedExecutionException e) {
                    flushing = null;
                }
            }
        }

        private void awaitFlush() throws IOException {
            if (flushing == null) {
                return;
            }
            try {
                flushing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while flushing an upload");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                flushing = null;
            }
        }

        InspectedFile finish() throws IOException {
            if (size == 0) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, field + ": the file " + name + " is empty",
                        List.of(new Problem.Violation(field, "the file " + name + " is empty")));
            }
            if (type == null) {
                checkType();
            }
            if (background != null) {
                background.finish();
            }
            awaitFlush();
            // durable before the record that points at it can commit: FileRecorder waits for it before the file is
            // moved into the store, after the record's first statement, which runs meanwhile
            CompletableFuture<Void> forced = flush.forceAndClose(channel);
            String sha = HexFormat.of().formatHex(digest.digest());
            return new InspectedFile(temp, name, size, sha, type, photos.read(temp, type), forced);
        }

        private void checkType() throws IOException {
            type = detector.detect(head, headLength, name);
            if (!config.allowedTypes().contains(type)) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, field + ": the content of " + name
                        + " is " + type + ", which is not accepted as evidence",
                        List.of(new Problem.Violation(field, "content type " + type + " is not allowed")));
            }
        }

        void discard() {
            if (background != null) {
                background.abandon();
            }
            try {
                awaitFlush();
            } catch (IOException e) {
                LOG.debugf("flushing a discarded upload: %s", e.getMessage());
            }
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf("closing an upload's temporary file: %s", e.getMessage());
            }
            deleteQuietly(temp);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String p : contentType.split(";")) {
                String s = p.strip();
                if (s.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(s.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8; // browsers send form fields in the page's encoding, UTF-8
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warnf("could not remove the temporary upload %s (the sweeper will): %s", p.getFileName(), e.getMessage());
        }
    }

    /** Counts the body's bytes and stops at the limit. */
    static final class LimitedInput implements ReadableByteChannel {
        static final class TooLarge extends IOException {
            TooLarge() {
                super("request body over the limit");
            }
        }

        private final ReadableByteChannel in;
        private final long limit;
        private long count;

        LimitedInput(ReadableByteChannel in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = in.read(dst);
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The file name as shown and downloaded later: NFC, no directory part, no control characters. */
    static final class FileNames {
        private FileNames() {
        }

        static String checked(String field, String raw) {
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

        private static ProblemException invalid(String field, String message) {
            return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + message,
                    List.of(new Problem.Violation(field, message)));
        }
    }
}
