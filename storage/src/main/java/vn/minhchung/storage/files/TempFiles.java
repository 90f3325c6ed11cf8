package vn.minhchung.storage.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files and folders under the data directory ({@code DATA/tmp/<use>/}, {@code DATA/blobs/tmp/}) carry
 * the id of the process that writes them in their name, so that a later start can delete what a killed process
 * left (a {@code .zip.part} of a dossier, a capture folder, a half-written blob) without touching the files of a
 * process still running, such as {@code serve} while a command runs beside it.
 */
public final class TempFiles {
  private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
  private static final Pattern OWNER = Pattern.compile("-pid(\\d+)-");

  private TempFiles() {}

  /** The name prefix for a temporary file or folder of this process, e.g. {@code ho-so-pid4711-}. */
  public static String prefix(String name) {
    return name + "-pid" + ProcessHandle.current().pid() + "-";
  }

  /**
   * Deletes the leftovers in {@code DATA/tmp/*} and {@code DATA/blobs/tmp}: entries named for a process that no
   * longer runs, and unnamed entries older than {@code processStart}. Returns the paths deleted.
   */
  public static List<Path> sweep(Path dataDir, Instant processStart) {
    List<Path> dirs = new ArrayList<>();
    Path tmp = dataDir.resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> uses = Files.list(tmp)) {
        uses.filter(Files::isDirectory).forEach(dirs::add);
      } catch (IOException e) {
        LOG.warn("cannot list {} to remove leftovers: {}", tmp, e.getMessage());
      }
    }
    dirs.add(dataDir.resolve("blobs").resolve("tmp"));
    List<Path> deleted = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          if (isLeftover(p, processStart)) {
            deleteTree(p);
            deleted.add(p);
          }
        }
      } catch (IOException e) {
        LOG.warn("cannot remove leftovers in {}: {}", dir, e.getMessage());
      }
    }
    if (!deleted.isEmpty()) {
      LOG.info("removed {} temporary files left by stopped processes under {}", deleted.size(), dataDir);
    }
    return deleted;
  }

  private static boolean isLeftover(Path p, Instant processStart) throws IOException {
    Optional<Long> owner = owner(p.getFileName().toString());
    if (owner.isPresent()) {
      return owner.get() != ProcessHandle.current().pid()
          && ProcessHandle.of(owner.get()).map(ph -> !ph.isAlive()).orElse(true);
    }
    return Files.getLastModifiedTime(p).toInstant().isBefore(processStart);
  }

  static Optional<Long> owner(String name) {
    Matcher m = OWNER.matcher(name);
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(f);
      }
    }
  }
}
