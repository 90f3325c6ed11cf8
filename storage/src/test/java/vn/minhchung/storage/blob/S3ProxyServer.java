package vn.minhchung.storage.blob;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import vn.minhchung.config.settings.Settings;

/**
 * A real S3 API server in the test JVM: S3Proxy on a free loopback port over jclouds' in-memory ("transient") or
 * filesystem backend, with SigV4 authentication, one bucket made. Tests point {@code blobs.s3.*} at it.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "minhchung-test";
  public static final String SECRET_KEY = "bi-mat-chi-dung-khi-thu-nghiem";
  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final String bucket;

  private S3ProxyServer(S3Proxy proxy, BlobStoreContext context, String bucket) {
    this.proxy = proxy;
    this.context = context;
    this.bucket = bucket;
  }

  /** In memory; the bucket is gone when the server stops. */
  public static S3ProxyServer inMemory(String bucket) throws Exception {
    return start(ContextBuilder.newBuilder("transient").credentials("identity", "credential")
        .build(BlobStoreContext.class), bucket);
  }

  /** Objects as files under {@code dir}, kept across restarts of the server. */
  public static S3ProxyServer onDisk(Path dir, String bucket) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
    return start(ContextBuilder.newBuilder("filesystem").credentials("identity", "credential").overrides(p)
        .build(BlobStoreContext.class), bucket);
  }

  private static S3ProxyServer start(BlobStoreContext context, String bucket) throws Exception {
    S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
      }
      Thread.sleep(20);
    }
    context.getBlobStore().createContainerInLocation(null, bucket);
    return new S3ProxyServer(proxy, context, bucket);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public String bucket() {
    return bucket;
  }

  /** The {@code blobs.*} settings of a node using this server. */
  public Map<String, String> settings(String prefix) {
    return Map.of("blobs.store", "s3", "blobs.s3.endpoint", endpoint().toString(), "blobs.s3.bucket", bucket,
        "blobs.s3.accessKey", ACCESS_KEY, "blobs.s3.secretKey", SECRET_KEY, "blobs.s3.prefix", prefix);
  }

  /** A store on this server for a data directory. */
  public BlobStore store(Path dataDir, String prefix) {
    return BlobStore.fromSettings(Settings.of(dataDir, settings(prefix)));
  }

  /** Replaces an object's bytes behind the store's back (tests of corruption). */
  public void overwrite(String key, byte[] bytes) {
    org.jclouds.blobstore.BlobStore b = context.getBlobStore();
    b.putBlob(bucket, b.blobBuilder(key).payload(bytes).build());
  }

  /** Deletes an object behind the store's back. */
  public void delete(String key) {
    context.getBlobStore().removeBlob(bucket, key);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
