package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;

/**
 * Blobs in a folder, {@code DIR/sha256/ab/cd/<sha256>}: a complete, fsynced file is renamed atomically into place,
 * so a reader never sees a half-written blob, and made read-only. The default store (the embedded set-up).
 */
public final class LocalBlobBackend implements BlobBackend {
  private final Path root;

  public LocalBlobBackend(Path blobsDir) {
    this.root = blobsDir.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The file of a blob (which may not exist). */
  public Path path(String sha256) {
    return root.resolve(BlobBackend.key(sha256));
  }

  @Override
  public String describe() {
    return "folder " + root;
  }

  @Override
  public String kind() {
    return "local";
  }

  @Override
  public boolean exists(String sha256) {
    return Files.isRegularFile(path(sha256));
  }

  @Override
  public boolean store(String sha256, Path file, long size, String mediaType) throws IOException {
    Path target = path(sha256);
    if (Files.exists(target)) {
      return false;
    }
    fsync(file);
    OwnerOnly.directory(root);
    OwnerOnly.directory(target.getParent().getParent().getParent());
    OwnerOnly.directory(target.getParent().getParent());
    OwnerOnly.directory(target.getParent());
    boolean moved = moveIntoPlace(file, target);
    fsyncDirectory(target.getParent());
    return moved;
  }

  @Override
  public boolean store(String sha256, byte[] bytes, String mediaType) throws IOException {
    if (exists(sha256)) {
      return false;
    }
    Path tmp = root.resolve("tmp");
    OwnerOnly.directory(root);
    OwnerOnly.directory(tmp);
    Path temp = Files.createTempFile(tmp, TempFiles.prefix("blob"), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      return store(sha256, temp, bytes.length, mediaType);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    return Files.newInputStream(path(sha256));
  }

  @Override
  public void close() {
    // Nothing is held open between calls.
  }

  private static boolean moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Another writer stored the same bytes first: content-addressed, so nothing to do.
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
    }
    OwnerOnly.readOnly(target);
    return true;
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
