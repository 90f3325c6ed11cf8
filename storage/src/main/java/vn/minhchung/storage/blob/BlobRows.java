package vn.minhchung.storage.blob;

import java.util.List;
import vn.minhchung.storage.db.Database;

/** Reads the {@code blob} table in pages (by hash), for copying and checking every stored blob. */
final class BlobRows {
  private BlobRows() {}

  static long count(Database db) {
    return db.inTransaction(s -> s.createSelectionQuery("select count(b) from BlobRecord b", Long.class)
        .getSingleResult());
  }

  private static final int PAGE = 500;

  /** What to do with each blob; may throw {@code E}. */
  @FunctionalInterface
  interface Each<E extends Exception> {
    void accept(BlobRef ref) throws E;
  }

  /** Calls {@code each} for every blob of the table, in hash order, reading a page at a time. */
  static <E extends Exception> void forEach(Database db, Each<E> each) throws E {
    String after = "";
    while (true) {
      List<BlobRef> page = page(db, after, PAGE);
      if (page.isEmpty()) {
        return;
      }
      for (BlobRef ref : page) {
        after = ref.sha256();
        each.accept(ref);
      }
    }
  }

  /** Up to {@code limit} blobs whose hash sorts after {@code after}, in hash order. */
  static List<BlobRef> page(Database db, String after, int limit) {
    return db.inTransaction(s -> s.createSelectionQuery(
            "from BlobRecord b where b.sha256 > :after order by b.sha256", BlobRecord.class)
        .setParameter("after", after).setMaxResults(limit).getResultList().stream().map(BlobRecord::ref).toList());
  }

  /** {@code n} blobs picked at random. */
  static List<BlobRef> sample(Database db, int n) {
    return db.inTransaction(s -> s.createNativeQuery(
            "select sha256, size_bytes, media_type from blob order by random() limit :n", Object[].class)
        .setParameter("n", n).getResultList().stream()
        .map(r -> new BlobRef((String) r[0], ((Number) r[1]).longValue(), (String) r[2])).toList());
  }
}
