package vn.minhchung.storage.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data directory private to the account that runs the application: directories {@code 0700}, files
 * {@code 0600} (blobs {@code 0400}). The database file, its lock file (which holds the key of H2's server) and
 * the evidence are then unreadable for other local users. On a file system without POSIX permissions
 * (Windows) nothing is changed.
 */
public final class OwnerOnly {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");

  private OwnerOnly() {}

  /** Creates {@code dir} and its missing parents, and makes {@code dir} itself owner-only. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (POSIX) {
      Files.setPosixFilePermissions(dir, DIRECTORY);
    }
    return dir;
  }

  /** As {@link #directory(Path)}, for callers without a checked exception in their signature. */
  public static Path directoryUnchecked(Path dir) {
    try {
      return directory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the private directory " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Makes every regular file directly in {@code dir} owner-only ({@code 0600}). */
  public static void filesIn(Path dir) throws IOException {
    if (!POSIX || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Files.setPosixFilePermissions(f, FILE);
      }
    }
  }

  /** Makes a finished file readable by its owner only ({@code 0400}). */
  public static void readOnly(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, READ_ONLY);
    } else {
      file.toFile().setReadOnly();
    }
  }
}
