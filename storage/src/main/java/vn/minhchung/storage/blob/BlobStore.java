package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;

/**
 * Stores bytes under their SHA-256: written to a temporary file, fsynced, then atomically renamed into place.
 * A blob is never rewritten; storing the same bytes twice keeps one file. A reader never sees a half-written
 * blob because only complete files are renamed into {@code sha256/}.
 */
public final class BlobStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;
  private final Path tmp;

  public BlobStore(Path blobsDir) {
    this.root = blobsDir.toAbsolutePath().normalize();
    this.tmp = root.resolve("tmp");
  }

  public static boolean isSha256(String s) {
    return s != null && SHA256.matcher(s).matches();
  }

  public Path root() {
    return root;
  }

  public BlobRef put(byte[] bytes, String mediaType) {
    return put(new java.io.ByteArrayInputStream(bytes), mediaType);
  }

  /** Stores the stream's bytes (read to the end, not closed) and returns the reference. */
  public BlobRef put(InputStream in, String mediaType) {
    try {
      OwnerOnly.directory(root);
      OwnerOnly.directory(tmp);
      Path temp = Files.createTempFile(tmp, TempFiles.prefix("blob"), ".part");
      try {
        MessageDigest md = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
          size = new DigestInputStream(in, md).transferTo(out);
        }
        fsync(temp);
        String sha = HexFormat.of().formatHex(md.digest());
        Path target = path(sha);
        if (!Files.exists(target)) {
          OwnerOnly.directory(target.getParent().getParent());
          OwnerOnly.directory(target.getParent());
          moveIntoPlace(temp, target);
          fsyncDirectory(target.getParent());
        }
        return new BlobRef(sha, size, mediaType);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob under " + root + ": " + e.getMessage(), e);
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

  public Path path(String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
    return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  public boolean exists(String sha256) {
    return Files.isRegularFile(path(sha256));
  }

  public InputStream open(String sha256) throws IOException {
    return Files.newInputStream(path(sha256));
  }

  public byte[] read(String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + sha256 + ": " + e.getMessage(), e);
    }
  }

  /** Re-hashes a blob; empty when it is intact, else a sentence saying what is wrong. */
  public Optional<String> verify(String sha256, long expectedSize) {
    Path p = path(sha256);
    if (!Files.isRegularFile(p)) {
      return Optional.of("blob " + sha256 + " is missing at " + p);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha256())) {
      MessageDigest md = ((DigestInputStream) in).getMessageDigest();
      long size = in.transferTo(OutputStream.nullOutputStream());
      String actual = HexFormat.of().formatHex(md.digest());
      if (size != expectedSize) {
        return Optional.of("blob " + sha256 + " has " + size + " bytes, expected " + expectedSize);
      }
      if (!actual.equals(sha256)) {
        return Optional.of("blob " + sha256 + " has changed: its content now hashes to " + actual);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("blob " + sha256 + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Records the blob in the {@code blob} table unless it is there already (idempotent). Transactions storing the
   * same bytes at once all succeed: the insert skips a row another one wrote ({@code on conflict do nothing},
   * which waits for that transaction to end), so none fails on the primary key.
   */
  public static BlobRecord record(Session session, BlobRef ref, java.time.Instant now) {
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
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another writer stored the same bytes first: content-addressed, so nothing to do.
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
    }
    OwnerOnly.readOnly(target);
  }

  private static void fsync(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open directories for sync; the file itself is already durable.
    }
  }
}
