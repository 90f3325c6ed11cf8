package vn.minhchung.storage.blob;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import vn.minhchung.storage.db.Database;

/**
 * Re-reads and re-hashes the blobs of the {@code blob} table in a store ({@code blobs verify}): all of them, or a
 * random sample; reports each missing, changed or unreadable one.
 */
public final class BlobCheck {
  private BlobCheck() {}

  /** Where a check stands, after each blob. */
  public record Progress(long done, long total, long bytes, int problems) {}

  /** What a check found; {@code problems} has one sentence per bad blob. */
  public record Result(long checked, long bytes, List<String> problems) {}

  public static Result run(Database db, BlobStore store, OptionalInt sample, Consumer<Progress> progress) {
    List<String> problems = new ArrayList<>();
    long[] done = {0, 0};
    if (sample.isPresent()) {
      List<BlobRef> picked = BlobRows.sample(db, sample.getAsInt());
      for (BlobRef ref : picked) {
        check(store, ref, problems, done);
        progress.accept(new Progress(done[0], picked.size(), done[1], problems.size()));
      }
      return new Result(done[0], done[1], problems);
    }
    long total = BlobRows.count(db);
    BlobRows.forEach(db, ref -> {
      check(store, ref, problems, done);
      progress.accept(new Progress(done[0], total, done[1], problems.size()));
    });
    return new Result(done[0], done[1], problems);
  }

  private static void check(BlobStore store, BlobRef ref, List<String> problems, long[] done) {
    store.verify(ref.sha256(), ref.size()).ifPresent(problems::add);
    done[0]++;
    done[1] += ref.size();
  }
}
