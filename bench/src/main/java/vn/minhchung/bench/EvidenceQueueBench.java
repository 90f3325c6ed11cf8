package vn.minhchung.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.review.queue.EvidenceFilter;
import vn.minhchung.review.queue.EvidencePage;
import vn.minhchung.review.queue.EvidenceSearch;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * How fast the evidence queue answers with many evidence rows: fills a fresh database (in-memory H2, or a
 * schema on the PostgreSQL of HARVESTER_TEST_DB_URL when set) with N evidence items (default 100,000) across
 * 300 channels, links 10% to a plan item, then times the queue's queries (median of 15 runs each).
 * Usage: {@code java -cp … vn.minhchung.bench.EvidenceQueueBench [N]}.
 */
public final class EvidenceQueueBench {
  private EvidenceQueueBench() {}

  private static final String[] TOPICS = {"Luật Chuyển đổi số có hiệu lực", "Ngày Chuyển đổi số quốc gia 10/10",
      "Bình dân học vụ số tại thôn", "Hội nghị quán triệt Nghị quyết 57", "Tập huấn kỹ năng số cho cán bộ",
      "Lễ hội Lim 2026", "Giá lúa vụ mùa", "Tiêm phòng cho đàn gia súc", "Khởi công đường vành đai", "Chính quyền số cấp xã"};
  private static final String[] PLACES = {"xã Tiên Du", "phường Kinh Bắc", "xã Gia Bình", "phường Từ Sơn", "xã Lương Tài"};

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    DatabaseTarget target = TestDatabases.postgres().orElseGet(TestDatabases::h2);
    try (Database db = Database.open(target)) {
      long t0 = System.nanoTime();
      long itemId = fill(db, n);
      System.out.printf(Locale.ROOT, "database: %s, %,d evidence rows generated in %.1f s%n", TestDatabases.label(target), n,
          (System.nanoTime() - t0) / 1e9);
      EvidenceFilter all = EvidenceFilter.all();
      long middle = n / 2L;
      time(db, "first page, no filter", all);
      time(db, "page deep in the queue (keyset, id < N/2)", all.withBefore(middle));
      time(db, "status = pending", new EvidenceFilter(null, null, null, null, null, "pending", null, null, null, null, null, null));
      time(db, "component = 2 and date range (1 month)", new EvidenceFilter(null, null, null, null, 2, null, null,
          LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), null, null, null));
      time(db, "channel filter", new EvidenceFilter(null, null, null, 17L, null, null, null, null, null, null, null, null));
      time(db, "plan item filter (10% linked)", new EvidenceFilter(null, itemId, null, null, null, null, null, null, null, null, null, null));
      time(db, "search 'chuyen doi so' (common)", new EvidenceFilter(null, null, null, null, null, null, null, null, null, "chuyen doi so", null, null));
      time(db, "search 'CĐS tien du' (abbreviation + place)", new EvidenceFilter(null, null, null, null, null, null, null, null, null, "CĐS tien du", null, null));
      time(db, "search 'khong co tu nay' (no match: full scan)", new EvidenceFilter(null, null, null, null, null, null, null, null, null, "khong co tu nay", null, null));
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static void time(Database db, String label, EvidenceFilter f) {
    List<Long> ms = new ArrayList<>();
    int[] rows = new int[1];
    for (int i = 0; i < 15; i++) {
      long t = System.nanoTime();
      EvidencePage p = db.inTransaction(s -> EvidenceSearch.find(s, f, 50));
      ms.add((System.nanoTime() - t) / 1_000_000);
      rows[0] = p.items().size();
    }
    long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "%-50s median %5d ms  max %5d ms  (%d rows on the page)%n", label, sorted[sorted.length / 2],
        sorted[sorted.length - 1], rows[0]);
  }

  private static long fill(Database db, int n) throws Exception {
    Random rnd = new Random(42);
    Instant now = Instant.parse("2026-11-03T03:00:00Z");
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      exec(c, "insert into unit (code, name, created_at, updated_at) values ('SKHCN', 'Sở Khoa học và Công nghệ tỉnh Bắc Ninh', ?, ?)", now);
      exec(c, "insert into plan (code, title, issued_on, created_at, updated_at) values ('110/KH-UBND', 'Triển khai Luật Chuyển đổi số', date '2026-04-14', ?, ?)", now);
      exec(c, "insert into plan_item (plan_id, code, position, title, created_at, updated_at) select id, 'II.2', 2, 'Tuyên truyền Luật', ?, ? from plan", now);
      try (PreparedStatement ch = c.prepareStatement("insert into channel (code, unit_id, kind, name, url, created_at, updated_at)"
          + " select ?, id, 'facebook_page', ?, ?, ?, ? from unit")) {
        for (int i = 1; i <= 300; i++) {
          ch.setString(1, "FB-" + i);
          ch.setString(2, "Fanpage đơn vị " + i);
          ch.setString(3, "https://www.facebook.com/donvi" + i);
          ch.setTimestamp(4, Timestamp.from(now));
          ch.setTimestamp(5, Timestamp.from(now));
          ch.addBatch();
        }
        ch.executeBatch();
      }
      long unitId = single(c, "select id from unit");
      long minChannel = single(c, "select min(id) from channel");
      long itemId = single(c, "select id from plan_item");
      try (PreparedStatement ev = c.prepareStatement("insert into evidence (component, source, status, unit_id, channel_id, title,"
          + " occurred_at, created_at, updated_at, search_text) values (?, 'harvested', ?, ?, ?, ?, ?, ?, ?, ?)")) {
        String[] statuses = {"pending", "approved", "rejected", "approved"};
        for (int i = 0; i < n; i++) {
          String title = TOPICS[rnd.nextInt(TOPICS.length)] + " tại " + PLACES[rnd.nextInt(PLACES.length)] + " (bài " + i + ")";
          ev.setInt(1, 1 + rnd.nextInt(2));
          ev.setString(2, statuses[rnd.nextInt(statuses.length)]);
          ev.setLong(3, unitId);
          ev.setLong(4, minChannel + rnd.nextInt(300));
          ev.setString(5, title);
          ev.setTimestamp(6, Timestamp.from(now.minus(rnd.nextInt(365), ChronoUnit.DAYS)));
          ev.setTimestamp(7, Timestamp.from(now));
          ev.setTimestamp(8, Timestamp.from(now));
          ev.setString(9, " " + VietnameseText.fold(title) + " ");
          ev.addBatch();
          if (i % 1000 == 999) {
            ev.executeBatch();
          }
        }
        ev.executeBatch();
      }
      exec(c, "insert into evidence_link (evidence_id, plan_item_id, method, state, created_at, updated_at)"
          + " select id, " + itemId + ", 'auto', 'suggested', ?, ? from evidence where mod(id, 10) = 0", now);
      c.commit();
      try (var st = c.createStatement()) {
        st.execute("analyze");
      }
      c.commit();
      return itemId;
    }
  }

  private static void exec(Connection c, String sql, Instant now) throws Exception {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setTimestamp(1, Timestamp.from(now));
      p.setTimestamp(2, Timestamp.from(now));
      p.executeUpdate();
    }
  }

  private static long single(Connection c, String sql) throws Exception {
    try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
