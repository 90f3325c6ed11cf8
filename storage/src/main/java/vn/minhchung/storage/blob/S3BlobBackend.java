package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, SeaweedFS, Garage…) through the AWS SDK v2, keyed
 * {@code PREFIX + sha256/ab/cd/<sha256>}. Only plain S3 calls are used: a write is a HEAD (a hash already there is
 * a no-op), then a PUT with {@code If-None-Match: *} (a 412 means another node wrote the same bytes meanwhile) and
 * {@code x-amz-checksum-sha256}, so the store checks the bytes it receives. A store that answers "not implemented"
 * to one of those headers is asked again without the condition (the HEAD already showed the key free, and a racing
 * writer can only write the same bytes), then with {@code Content-MD5} instead of the SHA-256 checksum; the first
 * mode that works is kept. Blobs over {@code partSize} go up in parts (large WARCs), one part in memory at a time.
 */
public final class S3BlobBackend implements BlobBackend {
  /** Part size of multipart uploads, and the size from which they are used (S3's minimum part is 5 MiB). */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(S3BlobBackend.class);
  private final S3Client client;
  private final S3Location location;
  private final long partSize;
  private volatile int mode;

  S3BlobBackend(S3Client client, S3Location location, long partSize) {
    this.client = client;
    this.location = location;
    this.partSize = partSize;
  }

  /** A client for the location; nothing is sent until the first call. */
  public static S3BlobBackend connect(S3Location location) {
    return connect(location, DEFAULT_PART_SIZE);
  }

  static S3BlobBackend connect(S3Location location, long partSize) {
    S3ClientBuilder b = S3Client.builder()
        .region(Region.of(location.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(location.accessKey(), location.secretKey())))
        .forcePathStyle(location.pathStyle())
        // Checksums only where we send them ourselves: the SDK's default CRC32 trailers (aws-chunked bodies) are
        // not understood by every S3-compatible store.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    location.endpoint().ifPresent(b::endpointOverride);
    return new S3BlobBackend(b.build(), location, partSize);
  }

  public S3Location location() {
    return location;
  }

  @Override
  public String describe() {
    return location.describe();
  }

  @Override
  public String kind() {
    return "s3";
  }

  private String objectKey(String sha256) {
    return location.prefix() + BlobBackend.key(sha256);
  }

  @Override
  public boolean exists(String sha256) throws IOException {
    try {
      client.headObject(r -> r.bucket(location.bucket()).key(objectKey(sha256)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("check", sha256, e);
    } catch (SdkException e) {
      throw failure("check", sha256, e);
    }
  }

  @Override
  public boolean store(String sha256, Path file, long size, String mediaType) throws IOException {
    if (exists(sha256)) {
      return false;
    }
    if (size > partSize) {
      return multipart(sha256, file, mediaType);
    }
    return put(sha256, () -> RequestBody.fromFile(file), () -> md5(file), mediaType);
  }

  @Override
  public boolean store(String sha256, byte[] bytes, String mediaType) throws IOException {
    if (exists(sha256)) {
      return false;
    }
    return put(sha256, () -> RequestBody.fromBytes(bytes), () -> BlobStore.digest("MD5").digest(bytes), mediaType);
  }

  /** How writes are sent; a store that answers "not implemented" to a header gets the next mode, for good. */
  private record WriteMode(boolean conditional, boolean sha256Header) {}

  private static final List<WriteMode> MODES = List.of(new WriteMode(true, true), new WriteMode(false, true),
      new WriteMode(true, false), new WriteMode(false, false));

  private interface Md5 {
    byte[] digest() throws IOException;
  }

  private boolean put(String sha256, java.util.function.Supplier<RequestBody> body, Md5 md5, String mediaType)
      throws IOException {
    while (true) {
      int m = mode;
      WriteMode w = MODES.get(m);
      try {
        String contentMd5 = w.sha256Header() ? null : base64(md5.digest());
        client.putObject(r -> {
          r.bucket(location.bucket()).key(objectKey(sha256)).contentType(bare(mediaType));
          if (w.sha256Header()) {
            r.checksumSHA256(base64(BlobStore.sha256Bytes(sha256)));
          } else {
            r.contentMD5(contentMd5);
          }
          if (w.conditional()) {
            r.ifNoneMatch("*");
          }
        }, body.get());
        return true;
      } catch (S3Exception e) {
        if (e.statusCode() == 412) {
          return false; // written meanwhile by another node: the same bytes
        }
        if (!nextMode(m, e)) {
          throw failure("store", sha256, e);
        }
      } catch (SdkException e) {
        throw failure("store", sha256, e);
      }
    }
  }

  /** Moves past mode {@code m} when {@code e} says a header is not implemented; false when no mode is left. */
  private synchronized boolean nextMode(int m, S3Exception e) {
    if (!refusesHeader(e) || m + 1 >= MODES.size()) {
      return false;
    }
    if (mode == m) {
      mode = m + 1;
      WriteMode w = MODES.get(mode);
      LOG.info("{} does not implement a header of its writes ({}); trying {} and {}", describe(),
          e.statusCode(), w.conditional() ? "If-None-Match: *" : "a HEAD check before each write",
          w.sha256Header() ? "x-amz-checksum-sha256" : "Content-MD5");
    }
    return true;
  }

  private boolean multipart(String sha256, Path file, String mediaType) throws IOException {
    String key = objectKey(sha256);
    while (true) {
      int m = mode;
      WriteMode w = MODES.get(m);
      String uploadId;
      try {
        uploadId = client.createMultipartUpload(r -> {
          r.bucket(location.bucket()).key(key).contentType(bare(mediaType));
          if (w.sha256Header()) {
            r.checksumAlgorithm(ChecksumAlgorithm.SHA256);
          }
        }).uploadId();
      } catch (S3Exception e) {
        if (nextMode(m, e)) {
          continue;
        }
        throw failure("start the upload of", sha256, e);
      } catch (SdkException e) {
        throw failure("start the upload of", sha256, e);
      }
      boolean done = false;
      try {
        List<CompletedPart> parts = uploadParts(key, uploadId, file, w);
        boolean conditional = w.conditional();
        client.completeMultipartUpload(r -> {
          r.bucket(location.bucket()).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts));
          if (conditional) {
            r.ifNoneMatch("*");
          }
        });
        done = true;
        return true;
      } catch (S3Exception e) {
        if (e.statusCode() == 412) {
          return false; // written meanwhile by another node; the upload is aborted below
        }
        if (nextMode(m, e)) {
          continue;
        }
        throw failure("store", sha256, e);
      } catch (SdkException e) {
        throw failure("store", sha256, e);
      } finally {
        if (!done) {
          abort(key, uploadId);
        }
      }
    }
  }

  private List<CompletedPart> uploadParts(String key, String uploadId, Path file, WriteMode w) throws IOException {
    List<CompletedPart> parts = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(partSize));
      for (int number = 1; ; number++) {
        buf.clear();
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          if (ch.position() >= ch.size()) {
            break;
          }
        }
        if (buf.position() == 0 && number > 1) {
          break;
        }
        byte[] part = new byte[buf.position()];
        buf.flip().get(part);
        String sha = base64(BlobStore.sha256().digest(part));
        String md5 = w.sha256Header() ? null : base64(BlobStore.digest("MD5").digest(part));
        int n = number;
        String etag = client.uploadPart(r -> {
          r.bucket(location.bucket()).key(key).uploadId(uploadId).partNumber(n);
          if (w.sha256Header()) {
            r.checksumSHA256(sha);
          } else {
            r.contentMD5(md5);
          }
        }, RequestBody.fromBytes(part)).eTag();
        CompletedPart.Builder done = CompletedPart.builder().partNumber(n).eTag(etag);
        parts.add(w.sha256Header() ? done.checksumSHA256(sha).build() : done.build());
        if (part.length < partSize) {
          break;
        }
      }
    }
    return parts;
  }

  private void abort(String key, String uploadId) {
    try {
      client.abortMultipartUpload(r -> r.bucket(location.bucket()).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      LOG.warn("cannot abort the unfinished upload {} of {} in {}: {}", uploadId, key, describe(), e.getMessage());
    }
  }

  /** "Not implemented": the store does not know a header we sent (conditional writes, SHA-256 checksums). */
  private static boolean refusesHeader(S3Exception e) {
    if (e.statusCode() == 501) {
      return true;
    }
    String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    return e.statusCode() == 400 && (code.equals("NotImplemented") || code.equals("InvalidArgument")
        && String.valueOf(e.getMessage()).matches("(?is).*(if-none-match|checksum).*"));
  }

  /**
   * The media type without parameters: the {@code blob} table keeps the full type and the UI serves from it, and
   * some stores' front servers rewrite {@code ; charset=} before checking the request signature.
   */
  private static String bare(String mediaType) {
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).trim();
  }

  private static byte[] md5(Path file) throws IOException {
    java.security.MessageDigest md = BlobStore.digest("MD5");
    try (InputStream in = new java.security.DigestInputStream(java.nio.file.Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return md.digest();
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    try {
      return client.getObject(r -> r.bucket(location.bucket()).key(objectKey(sha256)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(objectKey(sha256), null, "no such object in " + describe());
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new NoSuchFileException(objectKey(sha256), null, "no such object in " + describe());
      }
      throw failure("read", sha256, e);
    } catch (SdkException e) {
      throw failure("read", sha256, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private IOException failure(String what, String sha256, SdkException e) {
    return new IOException("cannot " + what + " blob " + sha256 + " in " + describe() + ": " + e.getMessage(), e);
  }

  private static String base64(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }
}
