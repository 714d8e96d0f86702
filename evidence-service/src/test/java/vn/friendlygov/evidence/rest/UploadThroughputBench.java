package vn.friendlygov.evidence.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.OutputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.evidence.Fixtures.Task;

/**
 * Upload and download throughput for 1 MB and 50 MB files through the real HTTP API, filesystem store, database and
 * outbox. Not part of the test suite (the name does not match surefire's patterns): run by {@code bench/run.sh},
 * which also measures the raw disk write speed in the same run. Results go to {@code target/bench/evidence.txt}.
 */
@QuarkusTest
@TestProfile(UploadThroughputBench.Bench.class)
class UploadThroughputBench {

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.max-file-size", String.valueOf(64L * 1024 * 1024),
                    "quarkus.log.level", "WARN",
                    // time spent per submission (checks, body, records), for target/surefire-reports
                    "quarkus.log.category.\"vn.friendlygov.evidence.service.EvidenceService\".level", "DEBUG");
        }
    }

    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // signed once: the client's own costs (RSA signing, hashing, generating content) are kept out of the measured time
    final String officer = Fixtures.token("officer", "VHXH");
    final String reviewer = Fixtures.token("reviewer", null);

    static final int CHUNK = 1 << 20;
    /** Concurrent clients in the server-throughput figures (besides one client at a time). */
    static final int CLIENTS = 4;
    /** Pseudo-random content shared by all uploads (the first 64 KiB of each upload are made unique). */
    final byte[] content = new byte[50_000_000];
    final Map<Integer, byte[]> slices = new HashMap<>();
    long lastNanos;
    /** CPU of the last curl upload run: {@link #cpu()} before and after, and by thread. */
    long[][] curlCpu;
    Map<String, Long> curlThreads;
    final StringBuilder threadsOut = new StringBuilder();

    @Test
    void measure() throws Exception {
        new SplittableRandom(2026).nextBytes(content);
        Task task = new Task().publish();
        StringBuilder out = new StringBuilder();
        out.append(durableFiles());
        int seed = 1;
        for (long[] run : new long[][] {{1_000_000L, 300, 100}, {50_000_000L, 3, 12}}) {
            long size = run[0];
            if (size > Long.getLong("bench.max-size", Long.MAX_VALUE) || size < Long.getLong("bench.min-size", 0)) {
                continue; // a shorter run while profiling one size
            }
            // warm-up rounds: a server's steady state, with the request path compiled by the JIT (a few hundred
            // requests; with 5 the 1 MB figures measured the interpreter and the compiler threads as much as the service)
            List<String> warm = new ArrayList<>();
            for (int i = 0; i < run[1]; i++) {
                String href = upload(task, size, seed++);
                download(href);
                warm.add(href);
            }
            // downloads are cheap: more of them, by curl, until their per-request path is compiled too
            int extra = Integer.getInteger("bench.download-warmup", 10_000);
            List<String> again = new ArrayList<>();
            for (int i = 0; size <= 1_000_000 && i < extra; i++) {
                again.add(warm.get(i % warm.size()));
            }
            for (int from = 0; from < again.size(); from += 1000) { // in batches: a command line has a limit
                curlDownloads(again.subList(from, Math.min(again.size(), from + 1000)), 2);
            }
            // and uploads by curl (its multipart differs from the Java client's): with the 300 Java-client rounds only,
            // the JIT compiler used 7 of the service's 20 ms of CPU per 1 MB curl upload
            int uploadWarmup = Integer.getInteger("bench.upload-warmup", 1000);
            for (int done = 0; size <= 1_000_000 && done < uploadWarmup; done += 250) {
                int n = Math.min(250, uploadWarmup - done);
                curlUploads(task, size, n, seed, 2);
                seed += n;
            }
            long up = 0;
            long down = 0;
            List<String> hrefs = new ArrayList<>();
            for (int i = 0; i < run[2]; i++) {
                String href = upload(task, size, seed++);
                up += lastNanos;
                hrefs.add(href);
                download(href);
                down += lastNanos;
            }
            long curl = curlDownloads(hrefs, 1);
            long[] down0 = curlCpu[0];
            long[] down1 = curlCpu[1];
            threadsOut.append("size ").append(size).append(", 1 curl downloading, CPU ms per file by thread:\n");
            curlThreads.forEach((name, ns) -> threadsOut.append(String.format(Locale.ROOT, "  %-40s %8.2f%n", name,
                    ns / 1e6 / run[2])));
            if (size <= 1_000_000) {
                out.append(rangeRequests(hrefs, 1000));
            }
            long curl4 = curlDownloads(hrefs, CLIENTS);
            long curlUp = curlUploads(task, size, (int) run[2], seed, 1);
            long[] cpu0 = curlCpu[0];
            long[] cpu1 = curlCpu[1];
            threadsOut.append("size ").append(size).append(", 1 curl uploading, CPU ms per file by thread:\n");
            curlThreads.forEach((name, ns) -> threadsOut.append(String.format(Locale.ROOT, "  %-40s %8.1f%n", name,
                    ns / 1e6 / run[2])));
            seed += (int) run[2];
            long curlUp4 = curlUploads(task, size, (int) run[2], seed, CLIENTS);
            seed += (int) run[2];
            double mb = size * run[2] / 1e6;
            out.append(String.format(Locale.ROOT, "size_bytes=%d files=%d upload_MBps=%.1f download_MBps=%.1f"
                    + " upload_curl_MBps=%.1f download_curl_MBps=%.1f upload_curl%dx_MBps=%.1f"
                    + " download_curl%dx_MBps=%.1f upload_curl_cpu_ms_per_file: service=%.1f curl=%.1f"
                    + " download_curl_cpu_ms_per_file: service=%.2f curl=%.2f%n", size,
                    run[2], mb / (up / 1e9), mb / (down / 1e9), mb / (curlUp / 1e9), mb / (curl / 1e9), CLIENTS,
                    mb / (curlUp4 / 1e9), CLIENTS, mb / (curl4 / 1e9), (cpu1[0] - cpu0[0]) / 1e6 / run[2],
                    (cpu1[1] - cpu0[1]) / 1e6 / run[2], (down1[0] - down0[0]) / 1e6 / run[2],
                    (down1[1] - down0[1]) / 1e6 / run[2]));
        }
        Path results = Path.of("target/bench/evidence.txt");
        Files.createDirectories(results.getParent());
        Files.writeString(results, out.toString());
        Files.writeString(results.resolveSibling("threads.txt"), threadsOut.toString());
        System.out.print(out);
    }

    /**
     * The disk work a durable 1 MB upload has to do, without HTTP, parsing, hashing or the database: 100 new files of
     * 1 MB in the store's filesystem (target/), each written and forced ({@code FileChannel.force}, like the
     * service), then the same plus a rename into a directory and that directory's force (the new name made durable,
     * as the filesystem store does). One writer at a time and {@link #CLIENTS} at once, like the curl runs. Context
     * for the 1 MB upload figures: a sequential {@code dd} pays one flush per GiB, an upload at least two per MB.
     */
    private String durableFiles() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/durable"));
        StringBuilder line = new StringBuilder("durable_1MB_files=100");
        // the first pass only warms up (and lets the dd runs' write-back and freed blocks settle): in a trial run the
        // first variant measured 5 ms per file, the next ones 1-2
        for (int pass = 0; pass < 2; pass++) {
            for (boolean rename : new boolean[] {false, true}) {
                for (int writers : new int[] {1, CLIENTS}) {
                    long elapsed = durableFiles(dir, rename, writers);
                    if (pass == 1) {
                        line.append(String.format(Locale.ROOT, " %s_%dx_MBps=%.1f",
                                rename ? "fsync+rename+dirfsync" : "fsync", writers, 100 / (elapsed / 1e9)));
                    }
                }
            }
        }
        return line.append('\n').toString();
    }

    /** One pass of {@link #durableFiles()}: its time in ns; the files are removed afterwards. */
    private long durableFiles(Path dir, boolean rename, int writers) throws Exception {
        List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int first = w;
            work.add(() -> {
                for (int i = first; i < 100; i += writers) {
                    Path f = dir.resolve("f" + i);
                    try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE)) {
                        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content, 0, 1_000_000);
                        while (b.hasRemaining()) {
                            ch.write(b);
                        }
                        ch.force(true);
                    }
                    if (rename) {
                        Path to = Files.createDirectories(dir.resolve("d" + i % 16)).resolve("f" + i);
                        Files.move(f, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                        try (var d = java.nio.channels.FileChannel.open(to.getParent())) {
                            d.force(true);
                        }
                    }
                }
                return null;
            });
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        long t0 = System.nanoTime();
        for (var f : pool.invokeAll(work)) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }
        return elapsed;
    }

    /** The body is built in memory before the clock starts and sent with a Content-Length: the client does no work. */
    private String upload(Task task, long size, int seed) throws Exception {
        String boundary = "bench-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nREPORT\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nĐo thông lượng\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bench-" + seed + ".pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // unique content per upload (a distinct first block), the rest shared: every upload is a new stored file
        byte[] first = new byte[64 * 1024];
        System.arraycopy(content, 0, first, 0, first.length);
        byte[] marker = ("%PDF-1.7\n% bench " + seed + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, first, 0, marker.length);
        List<byte[]> parts = new ArrayList<>();
        parts.add(head);
        parts.add(first);
        for (long off = first.length; off < size; off += CHUNK) {
            int n = (int) Math.min(CHUNK, size - off);
            parts.add(n == CHUNK && off + n <= content.length ? slice((int) off) : java.util.Arrays.copyOfRange(content,
                    (int) off, (int) off + n));
        }
        parts.add(tail);
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/v1/tasks/" + task.id + "/evidence"))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(parts),
                        parts.stream().mapToLong(b -> b.length).sum())) // Content-Length, not chunked
                .build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        lastNanos = System.nanoTime() - t0;
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        JsonNode file = new ObjectMapper().readTree(response.body()).path("files").get(0);
        return file.path("href").asText();
    }

    /**
     * The same files downloaded again by {@code clients} curl processes at once, each over one keep-alive connection,
     * each taking its share of the files, to /dev/null: curl costs little next to the service (Java's HttpClient in
     * this JVM shares the two cores with the service). The time runs from starting the first curl to the end of the
     * last, so it includes starting curl once per client.
     */
    private long curlDownloads(List<String> hrefs, int clients) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            commands.add(new ArrayList<>(List.of("curl", "-sf", "-H", "Authorization: Bearer " + reviewer)));
        }
        for (int i = 0; i < hrefs.size(); i++) {
            List<String> command = commands.get(i % clients);
            command.add("-o");
            command.add("/dev/null");
            command.add(base.toURI().resolve(hrefs.get(i).substring(1)).toString());
        }
        awaitCompilerIdle();
        Map<String, Long> threads0 = threadCpu();
        long[] cpu0 = cpu();
        long t0 = System.nanoTime();
        List<String> outputs = runAll(commands);
        long elapsed = System.nanoTime() - t0;
        recordCpu(threads0, cpu0);
        for (String output : outputs) {
            if (!output.isEmpty()) {
                throw new IllegalStateException("curl failed: " + output);
            }
        }
        return elapsed;
    }

    /**
     * The fixed cost of a download without its bytes: {@code count} requests for the first byte only ({@code Range:
     * bytes=0-0}, 206) by one curl over one keep-alive connection; wall time and CPU (service by thread, curl) per
     * request.
     */
    private String rangeRequests(List<String> hrefs, int count) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sf", "-r", "0-0", "-H", "Authorization: Bearer " + reviewer));
        for (int i = 0; i < count; i++) {
            command.addAll(List.of("-o", "/dev/null", base.toURI().resolve(hrefs.get(i % hrefs.size()).substring(1))
                    .toString()));
        }
        awaitCompilerIdle();
        Map<String, Long> threads0 = threadCpu();
        long[] cpu0 = cpu();
        long t0 = System.nanoTime();
        String output = runAll(List.of(command)).get(0);
        long elapsed = System.nanoTime() - t0;
        recordCpu(threads0, cpu0);
        if (!output.isEmpty()) {
            throw new IllegalStateException("curl failed: " + output);
        }
        threadsOut.append(count).append(" one-byte range requests, 1 curl, CPU ms per request by thread:\n");
        curlThreads.forEach((name, ns) -> threadsOut.append(String.format(Locale.ROOT, "  %-40s %8.3f%n", name,
                ns / 1e6 / count)));
        return String.format(Locale.ROOT, "range_0-0_requests=%d ms_per_request=%.3f cpu_ms_per_request: service=%.3f"
                + " curl=%.3f%n", count, elapsed / 1e6 / count, (curlCpu[1][0] - curlCpu[0][0]) / 1e6 / count,
                (curlCpu[1][1] - curlCpu[0][1]) / 1e6 / count);
    }

    /**
     * {@code count} new files uploaded by {@code clients} curl processes at once, each over one keep-alive
     * connection (files written and forced to disk before the clock starts, so they are read from the page cache).
     * The time includes starting curl once per client.
     */
    private long curlUploads(Task task, long size, int count, int seed, int clients) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/files"));
        List<List<String>> commands = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = dir.resolve("curl-" + (seed + i) + ".pdf");
            byte[] marker = ("%PDF-1.7\n% curl " + (seed + i) + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII);
            try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(marker));
                ch.write(java.nio.ByteBuffer.wrap(content, marker.length, (int) size - marker.length));
                ch.force(true);
            }
            files.add(f);
            if (commands.size() < clients) {
                commands.add(new ArrayList<>(List.of("curl")));
            } else {
                commands.get(i % clients).add("--next");
            }
            commands.get(i % clients).addAll(List.of("-s", "-o", "/dev/null", "-w", "%{http_code}\\n",
                    "-H", "Authorization: Bearer " + officer, "-F", "kind=REPORT", "-F",
                    "title=Đo thông lượng", "-F", "files=@" + f.toAbsolutePath() + ";type=application/pdf",
                    base.toURI().resolve("api/v1/tasks/" + task.id + "/evidence").toString()));
        }
        awaitCompilerIdle();
        Map<String, Long> threads0 = threadCpu();
        long[] cpu0 = cpu();
        long t0 = System.nanoTime();
        List<String> outputs = runAll(commands);
        long elapsed = System.nanoTime() - t0;
        recordCpu(threads0, cpu0);
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        long created = outputs.stream().flatMap(String::lines).filter("201"::equals).count();
        if (created != count) {
            throw new IllegalStateException("curl uploads answered " + outputs);
        }
        return elapsed;
    }

    /**
     * Waits (at most 20 s) until the JIT compiler threads have used no CPU for half a second, so that a curl run
     * measures the service and not the compilation of what the previous phase ran (with the Java client's uploads
     * just before, the compiler threads used 1-2 ms per 1 MB download during the curl downloads). Logged in
     * threads.txt.
     */
    private void awaitCompilerIdle() throws Exception {
        long start = System.nanoTime();
        long[] last = {compilerCpu()};
        int[] quiet = {0};
        boolean idle = true;
        try {
            Awaitility.await().pollDelay(Duration.ofMillis(250)).pollInterval(Duration.ofMillis(250))
                    .atMost(Duration.ofSeconds(20)).until(() -> {
                        long now = compilerCpu();
                        quiet[0] = now == last[0] ? quiet[0] + 1 : 0;
                        last[0] = now;
                        return quiet[0] >= 2;
                    });
        } catch (ConditionTimeoutException e) {
            idle = false;
        }
        threadsOut.append(String.format(Locale.ROOT, "(waited %.1f s for the JIT compiler to be idle%s)%n",
                (System.nanoTime() - start) / 1e9, idle ? "" : ", in vain"));
    }

    private static long compilerCpu() throws java.io.IOException {
        return threadCpu().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The CPU used since {@code cpu0} and {@code threads0} (whole JVM, curl children, by thread), for the summary. */
    private void recordCpu(Map<String, Long> threads0, long[] cpu0) throws java.io.IOException {
        curlCpu = new long[][] {cpu0, cpu()};
        Map<String, Long> threads1 = threadCpu();
        curlThreads = new java.util.TreeMap<>();
        threads1.forEach((name, ns) -> {
            long used = ns - threads0.getOrDefault(name, 0L);
            if (used >= 5_000_000) { // threads that used less than 5 ms in the whole run are left out
                curlThreads.put(name, used);
            }
        });
    }

    /**
     * CPU time used so far, in ns: by this JVM (the service; during the curl runs its test thread only waits) and by
     * its finished child processes (the curl clients), from /proc/self/stat (utime + stime, cutime + cstime).
     */
    private static long[] cpu() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields from the state on (field 3): utime 14, stime 15, cutime 16, cstime 17; clock ticks of 10 ms
        long tick = 10_000_000L;
        long self = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
        long children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * tick;
        return new long[] {self, children};
    }

    /**
     * CPU time by thread name (numbers dropped, so a pool is one line), in ns, from /proc/self/task: the first field
     * of each thread's {@code schedstat} (time on a CPU, in ns; {@code stat}'s ticks are 10 ms, too coarse for a
     * fraction of a millisecond per request).
     */
    private static Map<String, Long> threadCpu() throws java.io.IOException {
        Map<String, Long> byName = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                    long ns = Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
                    byName.merge(name, ns, Long::sum);
                } catch (java.nio.file.NoSuchFileException e) {
                    // the thread ended
                }
            }
        }
        return byName;
    }

    /** Starts every command at once and waits for all; their outputs, in order. */
    private static List<String> runAll(List<List<String>> commands) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (List<String> command : commands) {
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        List<java.util.concurrent.CompletableFuture<String>> outputs = new ArrayList<>();
        for (Process p : processes) {
            outputs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            String output = outputs.get(i).get();
            if (processes.get(i).waitFor() != 0) {
                throw new IllegalStateException("curl failed: " + processes.get(i).exitValue() + " " + output);
            }
            result.add(output);
        }
        return result;
    }

    private byte[] slice(int off) {
        return slices.computeIfAbsent(off, o -> java.util.Arrays.copyOfRange(content, o, o + CHUNK));
    }

    private void download(String href) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(href.substring(1)))
                .header("Authorization", "Bearer " + reviewer).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        lastNanos = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("download answered " + response.statusCode());
        }
    }
}
