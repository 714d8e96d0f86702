package vn.friendlygov.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.friendlygov.testsupport.FreshDatabase;
import vn.friendlygov.testsupport.InJvmKafka;
import vn.friendlygov.testsupport.TestTokens;

/** One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own process in the prod profile. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final FreshDatabase database;
    final int port;

    private ServiceProcess(String name, Process process, FreshDatabase database, int port) {
        this.name = name;
        this.process = process;
        this.database = database;
        this.port = port;
    }

    /** What every service of a test needs: the in-JVM broker and trust in the test tokens' key. */
    static Map<String, String> platform() {
        return Map.of(
                "kafka.bootstrap.servers", InJvmKafka.start(),
                "mp.jwt.verify.publickey", TestTokens.publicKeyBase64(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    static ServiceProcess start(String module, Map<String, String> config) throws IOException {
        Path root = Path.of(System.getProperty("e2e.services.dir", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        FreshDatabase db = FreshDatabase.create("e2e_" + module.replace("-service", ""));
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx256m");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl());
        cmd.add("-Dquarkus.datasource.username=" + FreshDatabase.user());
        cmd.add("-Dquarkus.datasource.password=" + FreshDatabase.password());
        cmd.add("-Dquarkus.log.console.json.enabled=false");
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile()).start();
        ServiceProcess s = new ServiceProcess(module, p, db, port);
        s.awaitReady();
        return s;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String databaseUrl() {
        return database.jdbcUrl();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see target/e2e-logs/" + name + ".log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
