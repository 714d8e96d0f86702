package vn.friendlygov.evidence.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} reader (RFC 7578): reads the body once through a fixed buffer and hands
 * each part's bytes to a {@link Parts} callback as they arrive, so a part of any size passes through without being
 * held in memory. The closing delimiter is found with Boyer-Moore-Horspool, which skips about a delimiter's length of
 * bytes per comparison. A body that ends before its closing delimiter, or whose structure is not multipart, raises
 * {@link MalformedMultipartException}.
 */
public final class MultipartReader {

    /** Receives the parts in order. */
    public interface Parts {
        void start(PartHeaders headers) throws IOException;

        /**
         * Bytes {@code [offset, offset + length)} of {@code chunk}'s buffer. They stay valid only during the call,
         * unless the receiver {@linkplain Chunk#retain() retains} the chunk (and releases it when done): the reader
         * never overwrites bytes it has handed out.
         */
        void data(Chunk chunk, int offset, int length) throws IOException;

        void end() throws IOException;
    }

    /** The headers of one part, names in lower case. */
    public record PartHeaders(Map<String, String> headers) {

        public String contentDisposition() {
            return headers.getOrDefault("content-disposition", "");
        }

        public String contentType() {
            return headers.get("content-type");
        }
    }

    public static final class MalformedMultipartException extends IOException {
        public MalformedMultipartException(String message) {
            super(message);
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_PARTS = 1000;

    private final ReadableByteChannel in;
    private final byte[] delimiter; // CRLF "--" boundary
    private final int[] skip = new int[256];
    private Chunk chunk;
    private ByteBuffer buf;
    private int pos;
    private int end;
    private boolean eof;
    /** Inside a part's data: how many of its bytes were handed out so far. -1 outside. */
    private long handed = -1;

    public MultipartReader(ReadableByteChannel in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < delimiter.length - 1; i++) {
            skip[delimiter[i] & 0xff] = delimiter.length - 1 - i;
        }
    }

    /** A reader of a stream (tests): a channel over it. */
    public MultipartReader(InputStream in, String boundary) {
        this(Channels.newChannel(in), boundary);
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it names none. */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("boundary")) {
                String b = p.substring(eq + 1).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /** Reads the whole body, calling {@code parts} for every part. */
    public void read(Parts parts) throws IOException {
        chunk = Chunk.take();
        buf = chunk.buffer();
        try {
            readParts(parts);
        } finally {
            chunk.release();
            chunk = null;
            buf = null;
        }
    }

    private void readParts(Parts parts) throws IOException {
        // the preamble ends with the first delimiter; the body may start with it (without the leading CRLF)
        buf.put(0, (byte) '\r');
        buf.put(1, (byte) '\n');
        pos = 0;
        end = 2;
        int found = find();
        while (found < 0) {
            if (eof) {
                throw new MalformedMultipartException("no multipart boundary found");
            }
            pos = Math.max(pos, end - delimiter.length + 1);
            found = find();
        }
        pos = found + delimiter.length;
        int count = 0;
        while (true) {
            if (!fill(2)) {
                throw new MalformedMultipartException("the body ends inside a boundary line");
            }
            if (buf.get(pos) == '-' && buf.get(pos + 1) == '-') {
                drain();
                return; // closing delimiter; the epilogue is ignored
            }
            skipToLineEnd();
            if (++count > MAX_PARTS) {
                throw new MalformedMultipartException("more than " + MAX_PARTS + " parts");
            }
            parts.start(headers());
            body(parts);
            parts.end();
        }
    }

    /** Part data up to the next delimiter; leaves {@code pos} just after the delimiter. */
    private void body(Parts parts) throws IOException {
        handed = 0;
        while (true) {
            int found = find();
            if (found >= 0) {
                if (found > pos) {
                    parts.data(chunk, pos, found - pos);
                }
                pos = found + delimiter.length;
                handed = -1;
                return;
            }
            if (eof) {
                throw new MalformedMultipartException("the body ends before the closing boundary");
            }
            // everything except a possible start of the delimiter at the end is part data
            int safe = end - delimiter.length + 1;
            if (safe > pos) {
                parts.data(chunk, pos, safe - pos);
                handed += safe - pos;
                pos = safe;
            }
            compactAndRead();
        }
    }

    /** Index of the next delimiter in the buffered bytes, or -1 (then more bytes are needed). */
    private int find() throws IOException {
        if (end - pos < delimiter.length && !eof) {
            compactAndRead();
        }
        int last = delimiter.length - 1;
        int i = pos;
        while (i + last < end) {
            int j = last;
            while (buf.get(i + j) == delimiter[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
            i += skip[buf.get(i + last) & 0xff];
        }
        return -1;
    }

    private PartHeaders headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int size = 0;
        while (true) {
            int lineEnd = lineEnd();
            int length = lineEnd - pos;
            size += length + 2;
            if (size > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("part headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (length == 0) {
                pos = lineEnd + 2;
                return new PartHeaders(headers);
            }
            // header values are UTF-8: browsers send non-ASCII file names that way
            byte[] bytes = new byte[length];
            buf.get(pos, bytes);
            String line = new String(bytes, StandardCharsets.UTF_8);
            pos = lineEnd + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("a part header without a name");
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** Index of the CR of the next CRLF from {@code pos}, reading more as needed (header lines are short). */
    private int lineEnd() throws IOException {
        while (true) {
            for (int i = pos; i + 1 < end; i++) {
                if (buf.get(i) == '\r' && buf.get(i + 1) == '\n') {
                    return i;
                }
            }
            if (eof || end - pos > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("a part header line does not end");
            }
            compactAndRead();
        }
    }

    private void skipToLineEnd() throws IOException {
        pos = lineEnd() + 2; // transport padding after a delimiter is allowed (RFC 2046)
    }

    /** Ensures at least {@code n} bytes are buffered from {@code pos}; false at the end of the body. */
    private boolean fill(int n) throws IOException {
        while (end - pos < n) {
            if (eof) {
                return false;
            }
            compactAndRead();
        }
        return true;
    }

    /**
     * Reads more of the body, filling the chunk. Bytes before {@code pos} are done with; they may still be held by a
     * consumer (a slice waiting to be written), so they are never overwritten: the unread rest moves to a new chunk
     * instead (a few bytes: at most a delimiter's length of part data, or a header line). Inside a part's data they
     * move to where their place in the part falls within a {@link Chunk#ALIGN} block, so that the part's whole
     * blocks lie at aligned addresses and can be written with {@code O_DIRECT} ({@link DirectWrites}).
     */
    private void compactAndRead() throws IOException {
        int at = handed < 0 ? 0 : (int) (handed % Chunk.ALIGN);
        if (pos != at) {
            Chunk next = Chunk.take();
            ByteBuffer nb = next.buffer();
            nb.put(at, buf, pos, end - pos);
            end = at + end - pos;
            pos = at;
            chunk.release();
            chunk = next;
            buf = nb;
        }
        if (end == buf.capacity()) {
            throw new IllegalStateException("buffer full");
        }
        // as much as has arrived (RequestBodyStream reads ahead of this thread and hands over all it holds), so that
        // what is handed on is large when the body comes fast: few hand-overs, large writes
        buf.limit(buf.capacity()).position(end);
        int n;
        do {
            n = in.read(buf);
        } while (n == 0);
        if (n < 0) {
            eof = true;
        }
        end = buf.position();
    }

    /** Reads and discards the rest of the body. */
    private void drain() throws IOException {
        pos = end;
        while (!eof) {
            compactAndRead();
            pos = end;
        }
    }
}
