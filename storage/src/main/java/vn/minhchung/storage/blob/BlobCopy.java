package vn.minhchung.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.minhchung.storage.db.Database;

/**
 * Copies every blob of the {@code blob} table from one store to another ({@code blobs migrate}): each one is read
 * from the source through its hash check and written to the target only when it hashes to its name. Blobs already
 * in the target are skipped, so a cut migration resumes where it stopped; a missing or changed blob is reported and
 * the others still copied.
 */
public final class BlobCopy {
  private BlobCopy() {}

  /** Where a copy stands, after each blob. */
  public record Progress(long done, long total, long copied, long alreadyThere, long bytesCopied, int problems) {}

  /** What a copy did; {@code problems} names each blob that could not be copied and why. */
  public record Result(long total, long copied, long alreadyThere, long bytesCopied, List<String> problems) {}

  public static Result run(Database db, BlobStore from, BlobStore to, Consumer<Progress> progress) throws IOException {
    long total = BlobRows.count(db);
    long[] counts = new long[4]; // copied, already there, bytes copied, done
    List<String> problems = new ArrayList<>();
    BlobRows.forEach(db, ref -> {
      if (to.backend().exists(ref.sha256())) {
        counts[1]++;
      } else {
        try (InputStream in = from.openVerified(ref.sha256())) {
          counts[2] += to.put(in, ref.mediaType()).size();
          counts[0]++;
        } catch (NoSuchFileException e) {
          problems.add("blob " + ref.sha256() + " is missing from " + from.describe());
        } catch (java.io.UncheckedIOException e) {
          if (e.getCause() instanceof BlobCorruptException c) {
            problems.add(c.getMessage());
          } else {
            throw e.getCause();
          }
        }
      }
      counts[3]++;
      progress.accept(new Progress(counts[3], total, counts[0], counts[1], counts[2], problems.size()));
    });
    return new Result(total, counts[0], counts[1], counts[2], problems);
  }
}
