package vn.friendlygov.evidence.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.friendlygov.evidence.config.EvidenceConfig;

/**
 * Contents as objects {@code blobs/<sha256>} of one bucket in an S3-compatible store (AWS S3, MinIO, Ceph).
 * Uploads are spooled to a local directory while they arrive ({@code evidence.storage.spool-directory}), then
 * streamed from there to the store (the SDK reads the file in chunks); downloads are ranged GETs.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final String PREFIX = "blobs/";

    private final S3Client s3;
    private final String bucket;
    private final Path incoming;

    public S3BlobStore(EvidenceConfig.S3 config, Path incoming) {
        this.incoming = incoming.toAbsolutePath();
        try {
            Files.createDirectories(this.incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool directory " + this.incoming, e);
        }
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(config.pathStyle())
                // checksums only where S3 requires them: many S3-compatible stores reject the trailing checksums
                // that newer SDKs send by default
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(config));
        config.endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    private static AwsCredentialsProvider credentials(EvidenceConfig.S3 config) {
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build(); // environment, instance profile, IRSA on Kubernetes
    }

    @Override
    public void put(String sha256, Path source, long size) throws IOException {
        // Putting again an existing object rewrites identical bytes and refreshes its age for the orphan sweeper.
        try {
            s3.putObject(r -> r.bucket(bucket).key(PREFIX + sha256).contentLength(size)
                    .contentType("application/octet-stream"), RequestBody.fromFile(source));
        } catch (S3Exception e) {
            throw new IOException("S3 put of " + sha256 + " failed: " + e.getMessage(), e);
        }
        Files.deleteIfExists(source);
    }

    @Override
    public Path incomingDirectory() {
        return incoming;
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            return s3.getObject(r -> r.bucket(bucket).key(PREFIX + sha256)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
        } catch (S3Exception e) {
            throw new IOException("S3 get of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            s3.headObject(r -> r.bucket(bucket).key(PREFIX + sha256));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 head of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(BiConsumer<String, Instant> visitor) {
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(PREFIX)).contents()) {
            visitor.accept(o.key().substring(PREFIX.length()), o.lastModified());
        }
    }

    @Override
    public void delete(String sha256) {
        s3.deleteObject(r -> r.bucket(bucket).key(PREFIX + sha256));
    }

    @Override
    public void close() {
        s3.close();
    }
}
