package vn.friendlygov.evidence.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real S3 API server (s3proxy, objects kept as files under {@link #baseDir}) on a random port of the test JVM.
 * It runs in a class loader of its own, built from the test class path without the Guice 5 that Quarkus' test
 * bootstrap brings: jclouds 2.7 needs Guice 7, and with both visible its injector fails.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "evidence-test";
    static final String ACCESS_KEY = "evidence-access";
    static final String SECRET_KEY = "evidence-secret-for-tests-only";

    /** Where s3proxy keeps the bucket's objects: {@code <baseDir>/<bucket>/<key>}. */
    public static volatile Path baseDir;

    private AutoCloseable server;
    private URLClassLoader loader;

    @Override
    public Map<String, String> start() {
        baseDir = Path.of("target", "s3proxy-" + UUID.randomUUID()).toAbsolutePath();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Files.createDirectories(baseDir);
            loader = new URLClassLoader(classPathForS3Proxy(), ClassLoader.getPlatformClassLoader());
            thread.setContextClassLoader(loader); // jclouds finds its providers through it, Jetty's threads inherit it
            Object[] started = (Object[]) loader.loadClass(S3ProxyLauncher.class.getName())
                    .getMethod("start", String.class, String.class, String.class, String.class)
                    .invoke(null, baseDir.toString(), BUCKET, ACCESS_KEY, SECRET_KEY);
            server = (AutoCloseable) started[1];
            return Map.of(
                    "evidence.storage.kind", "s3",
                    "evidence.storage.s3.endpoint", "http://127.0.0.1:" + started[0],
                    "evidence.storage.s3.bucket", BUCKET,
                    "evidence.storage.s3.access-key", ACCESS_KEY,
                    "evidence.storage.s3.secret-key", SECRET_KEY);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("s3proxy did not start", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static Path object(String key) {
        return baseDir.resolve(BUCKET).resolve(key);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (loader != null) {
                loader.close();
            }
        } catch (Exception ignored) {
            // the test run is ending
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] classPathForS3Proxy() throws MalformedURLException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            if (!entry.isBlank() && !(name.startsWith("guice-") && !name.startsWith("guice-7")
                    && !name.startsWith("guice-assistedinject-7"))) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
