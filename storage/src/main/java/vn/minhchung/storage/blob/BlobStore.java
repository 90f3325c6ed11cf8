package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;

/**
 * Stores bytes under their SHA-256, once, in the backend chosen by {@code blobs.store}: the local folder
 * ({@code DATA/blobs}, the default) or an S3-compatible bucket. This class hashes (a stream is spooled to
 * {@code DATA/blobs/tmp} while it is hashed, since the key must be known before the write), skips bytes already
 * stored, and checks hashes on reading; the backend only moves bytes. Every caller goes through here, so the
 * web UI, the harvester and the dossier export work the same on either store.
 */
public final class BlobStore implements AutoCloseable {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final BlobBackend backend;
  private final Path spool;

  /** The local folder store under {@code blobsDir} (embedded default; tests). */
  public BlobStore(Path blobsDir) {
    this(new LocalBlobBackend(blobsDir), blobsDir.resolve("tmp"));
  }

  /** A store over {@code backend}, spooling streams to {@code spoolDir} while hashing them. */
  public BlobStore(BlobBackend backend, Path spoolDir) {
    this.backend = backend;
    this.spool = spoolDir.toAbsolutePath().normalize();
  }

  /** The store named by {@code blobs.store} ({@code local} or {@code s3}); an unknown value is a settings error. */
  public static BlobStore fromSettings(Settings s) {
    String kind = s.string("blobs.store").trim().toLowerCase(Locale.ROOT);
    return of(kind, s);
  }

  /** The store of a kind ({@code local} or {@code s3}) with the settings' locations, whatever {@code blobs.store} says. */
  public static BlobStore of(String kind, Settings s) {
    Path local = s.dataDir().resolve("blobs");
    switch (kind) {
      case "local":
        return new BlobStore(local);
      case "s3":
        return new BlobStore(S3BlobBackend.connect(S3Location.fromSettings(s)), local.resolve("tmp"));
      default:
        throw new SettingsException(List.of("blobs.store: expected local or s3 but was '" + kind + "'"));
    }
  }

  public static boolean isSha256(String s) {
    return s != null && SHA256.matcher(s).matches();
  }

  public BlobBackend backend() {
    return backend;
  }

  /** Where the blobs are, for messages (never a secret). */
  public String describe() {
    return backend.describe();
  }

  /** The folder where streams are spooled while they are hashed ({@code DATA/blobs/tmp}). */
  public Path spoolDirectory() {
    return spool;
  }

  public BlobRef put(byte[] bytes, String mediaType) {
    String sha = HexFormat.of().formatHex(sha256().digest(bytes));
    try {
      backend.store(sha, bytes, mediaType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob in " + describe() + ": " + e.getMessage(), e);
    }
    return new BlobRef(sha, bytes.length, mediaType);
  }

  /** Stores the stream's bytes (read to the end, not closed) and returns the reference. */
  public BlobRef put(InputStream in, String mediaType) {
    try {
      OwnerOnly.directory(spool.getParent());
      OwnerOnly.directory(spool);
      Path temp = Files.createTempFile(spool, TempFiles.prefix("blob"), ".part");
      try {
        MessageDigest md = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
          size = new DigestInputStream(in, md).transferTo(out);
        }
        String sha = HexFormat.of().formatHex(md.digest());
        backend.store(sha, temp, size, mediaType);
        return new BlobRef(sha, size, mediaType);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob in " + describe() + ": " + e.getMessage(), e);
    }
  }

  /** Stores a file's bytes; the file itself is left in place. */
  public BlobRef putFile(Path file, String mediaType) {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in, mediaType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(String sha256) {
    try {
      return backend.exists(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** The stored bytes, streamed and unchecked; {@link NoSuchFileException} when missing. */
  public InputStream open(String sha256) throws IOException {
    return backend.open(sha256);
  }

  /**
   * The stored bytes, streamed; reading past the last byte throws {@link BlobCorruptException} when they do not
   * hash to {@code sha256}. For readers that consume the whole blob (export, migration).
   */
  public InputStream openVerified(String sha256) throws IOException {
    return new VerifyingInputStream(backend.open(sha256), sha256, describe());
  }

  /** The whole blob in memory, checked against its hash. */
  public byte[] read(String sha256) {
    try (InputStream in = openVerified(sha256)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + ": " + e.getMessage(), e);
    }
  }

  /**
   * Re-hashes a blob; empty when it is intact, else a sentence saying what is wrong (missing, changed). A store
   * that cannot be read at all is an {@link UncheckedIOException}, not a finding about the blob.
   */
  public Optional<String> verify(String sha256, long expectedSize) {
    try (InputStream in = new DigestInputStream(backend.open(sha256), sha256())) {
      MessageDigest md = ((DigestInputStream) in).getMessageDigest();
      long size = in.transferTo(OutputStream.nullOutputStream());
      String actual = HexFormat.of().formatHex(md.digest());
      if (!actual.equals(sha256)) {
        return Optional.of("blob " + sha256 + " has changed: its content now hashes to " + actual);
      }
      if (size != expectedSize) {
        return Optional.of("blob " + sha256 + " has " + size + " bytes, expected " + expectedSize);
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of("blob " + sha256 + " is missing from " + describe());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + " from " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    backend.close();
  }

  /**
   * Records the blob in the {@code blob} table unless it is there already (idempotent). Transactions storing the
   * same bytes at once all succeed: the insert skips a row another one wrote ({@code on conflict do nothing},
   * which waits for that transaction to end), so none fails on the primary key.
   */
  public static BlobRecord record(Session session, BlobRef ref, Instant now) {
    BlobRecord existing = session.find(BlobRecord.class, ref.sha256());
    if (existing != null) {
      return existing;
    }
    session.createNativeMutationQuery("insert into blob (sha256, size_bytes, media_type, created_at)"
            + " values (:sha, :size, :type, :at) on conflict do nothing")
        .setParameter("sha", ref.sha256()).setParameter("size", ref.size()).setParameter("type", ref.mediaType())
        .setParameter("at", now).executeUpdate();
    return session.find(BlobRecord.class, ref.sha256());
  }

  public static MessageDigest sha256() {
    return digest("SHA-256");
  }

  /** A digest every Java platform has (SHA-256, MD5). */
  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required by the Java platform", e);
    }
  }

  /** The digest a SHA-256 hex name stands for. */
  static byte[] sha256Bytes(String sha256) {
    return HexFormat.of().parseHex(sha256);
  }
}
