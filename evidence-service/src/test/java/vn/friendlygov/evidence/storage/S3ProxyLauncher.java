package vn.friendlygov.evidence.storage;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** Starts s3proxy over jclouds' filesystem store. */
public final class S3ProxyLauncher {

    private S3ProxyLauncher() {
    }

    /** Returns the port and a handle that stops the server. */
    public static Object[] start(String baseDir, String bucket, String accessKey, String secretKey) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir);
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey).build();
        proxy.start();
        AutoCloseable stop = () -> {
            proxy.stop();
            context.close();
        };
        return new Object[] {proxy.getPort(), stop};
    }
}
