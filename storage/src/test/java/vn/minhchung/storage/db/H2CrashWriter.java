package vn.minhchung.storage.db;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/**
 * The child process of {@link H2CrashTest}: opens the embedded database of a data directory exactly as the product
 * does ({@link DatabaseTarget#embedded}) and writes posts with a body at the text cap (256 KiB), one transaction
 * each, printing {@code committed N} after each commit, until it is killed.
 */
public final class H2CrashWriter {
  static final int BODY_BYTES = 256 * 1024;
  static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  private static final String[] WORDS = {"chuyển", "đổi", "số", "tỉnh", "Bắc", "Ninh", "người", "dân", "dịch", "vụ",
      "công", "trực", "tuyến", "mức", "độ", "hồ", "sơ", "điện", "tử", "xã", "phường", "cán", "bộ", "nền", "tảng"};

  private H2CrashWriter() {}

  public static void main(String[] args) {
    Path dbDir = Path.of(args[0]);
    int first = Integer.parseInt(args[1]);
    try (Database db = Database.open(DatabaseTarget.embedded(dbDir))) {
      Channel channel = db.inTransaction(s -> s.createSelectionQuery("from Channel", Channel.class).setMaxResults(1)
          .uniqueResultOptional().orElseGet(() -> {
            Unit u = new Unit("BBN", "Báo Bắc Ninh", NOW);
            s.persist(u);
            Channel c = new Channel("BBN-CDS", u, ChannelKind.NEWS_SITE, "Chuyên mục Chuyển đổi số",
                "https://baobacninh.example.vn/chuyen-doi-so", NOW);
            s.persist(c);
            return c;
          }));
      System.out.println("ready");
      System.out.flush();
      for (int n = first; ; n++) {
        int id = n;
        db.runInTransaction(s -> {
          Post p = new Post(s.getReference(Channel.class, channel.getId()), "bai-" + id, "article",
              url(id), url(id), NOW);
          p.setTitle(title(id));
          p.setBody(body(id));
          s.persist(p);
        });
        System.out.println("committed " + id);
        System.out.flush();
      }
    }
  }

  static String url(int n) {
    return "https://baobacninh.example.vn/chuyen-doi-so/bai-" + n + ".html";
  }

  static String title(int n) {
    return "Bài " + n + ": Bắc Ninh đẩy mạnh chuyển đổi số";
  }

  /** About {@link #BODY_BYTES} of Vietnamese words, different for every {@code n}, the same on every call. */
  static String body(int n) {
    Random r = new Random(n);
    StringBuilder b = new StringBuilder(BODY_BYTES);
    int bytes = 0;
    while (bytes < BODY_BYTES - 16) {
      String w = WORDS[r.nextInt(WORDS.length)];
      b.append(w).append(' ');
      bytes += w.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
    }
    return b.toString();
  }
}
