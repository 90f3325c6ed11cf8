package vn.minhchung.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.ExportSummary;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

/**
 * Exports a dossier of N approved evidence items (default 10,000: screenshot, HTML and capture.json each, with
 * counts and two audit events) from an embedded H2 file database, and prints time, throughput and peak heap,
 * next to a plain copy of the same blob bytes. Run with {@code -Xmx256m} to show memory stays flat:
 * <pre>java -Xmx256m -cp … vn.minhchung.bench.ExportBench [N] [work dir]</pre>
 */
public final class ExportBench {
  private ExportBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("export-bench-");
    BlobStore blobs = new BlobStore(work.resolve("blobs"));
    long setupStart = System.nanoTime();
    try (Database db = Database.open(Settings.of(work, Map.of()))) {
      long existing = db.inTransaction(s -> s.createSelectionQuery("select count(e) from Evidence e", Long.class).getSingleResult());
      if (existing == 0) {
        long blobBytes = populate(db, blobs, n);
        System.out.printf(Locale.ROOT, "setup: %d evidence items, %.1f MB of blobs in %.1f s (%s)%n", n, blobBytes / 1e6,
            (System.nanoTime() - setupStart) / 1e9, work);
      } else {
        System.out.printf(Locale.ROOT, "reusing the %d evidence items already in %s%n", existing, work);
      }
      PeakHeap peak = PeakHeap.start();
      Path out = work.resolve("ho-so.zip");
      long t0 = System.nanoTime();
      ExportSummary s;
      try (OutputStream o = Files.newOutputStream(out)) {
        s = new DossierExporter(db, blobs, Clock.systemUTC(), Optional.empty()).export(ExportRequest.plan("110/KH-UBND"), o);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      long zipSize = Files.size(out);
      System.out.printf(Locale.ROOT, "export: %d items, %d files, %.1f MB written into the ZIP (%.1f MB on disk) in %.1f s"
          + " = %.1f MB/s, %.0f items/s%n", s.evidence(), s.files(), s.bytes() / 1e6, zipSize / 1e6, secs,
          s.bytes() / 1e6 / secs, s.evidence() / secs);
      System.out.printf(Locale.ROOT, "heap: max %.0f MB, peak heap in use after a GC %.1f MB, old generation peak %.1f MB%n",
          Runtime.getRuntime().maxMemory() / 1e6, peak.afterGc() / 1e6, peak.oldGenPeak() / 1e6);
      long c0 = System.nanoTime();
      long copied = copyBlobs(blobs, work.resolve("copy.bin"));
      double copySecs = (System.nanoTime() - c0) / 1e9;
      System.out.printf(Locale.ROOT, "plain copy of the blob bytes: %.1f MB in %.1f s = %.1f MB/s%n", copied / 1e6, copySecs,
          copied / 1e6 / copySecs);
    }
  }

  /** Plan 110/KH-UBND, item II.2 with targets, and n approved, confirmed evidence items with captures. */
  static long populate(Database db, BlobStore blobs, int n) {
    Instant t0 = Instant.parse("2026-10-01T01:00:00Z");
    long[] ids = db.inTransaction(s -> {
      Unit u = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", t0);
      s.persist(u);
      Channel ch = new Channel("FB-TTBN", u, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
          "https://www.facebook.com/truyenthongbacninh", t0);
      s.persist(ch);
      Plan p = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh", t0);
      p.setIssuer("UBND tỉnh Bắc Ninh");
      p.setIssuedOn(LocalDate.of(2026, 4, 14));
      s.persist(p);
      PlanItem i = new PlanItem(p, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", t0);
      i.setPosition(1);
      i.setDeadline(LocalDate.of(2026, 11, 15));
      p.getItems().add(i);
      s.persist(i);
      PlanTarget t = new PlanTarget(i, 1, 2, "Clip phóng sự 5–10 phút", 7);
      t.setMinDuration(Duration.ofMinutes(5));
      t.setMaxDuration(Duration.ofMinutes(10));
      i.getTargets().add(t);
      s.persist(t);
      return new long[] {ch.getId(), i.getId()};
    });
    List<byte[]> bases = new ArrayList<>();
    for (int k = 0; k < 16; k++) {
      bases.add(DossierFixture.screenshot("Phóng sự số " + k + ": Chuyển đổi số ở cơ sở", 1000 + k, k, k));
    }
    AtomicLong bytes = new AtomicLong();
    for (int from = 0; from < n; from += 500) {
      int start = from;
      int end = Math.min(n, from + 500);
      db.runInTransaction(s -> {
        Channel ch = s.find(Channel.class, ids[0]);
        PlanItem item = s.find(PlanItem.class, ids[1]);
        for (int k = start; k < end; k++) {
          evidence(s, blobs, ch, item, k, bases.get(k % bases.size()), bytes);
        }
        s.flush();
        s.clear();
      });
    }
    return bytes.get();
  }

  private static void evidence(Session s, BlobStore blobs, Channel ch, PlanItem item, int k, byte[] base, AtomicLong bytes) {
    Instant at = Instant.parse("2026-10-01T01:00:00Z").plusSeconds(k * 60L);
    String url = "https://www.facebook.com/truyenthongbacninh/videos/" + (1_022_000_000L + k);
    String title = "Phóng sự số " + k + ": Chuyển đổi số ở xã, phường – từ chính sách đến hành động";
    Post p = new Post(ch, String.valueOf(1_022_000_000L + k), "video", url, url, at);
    p.setTitle(title);
    p.setPostedAt(at);
    p.setDurationSeconds(300 + k % 300);
    s.persist(p);
    s.persist(new MetricSnapshot(p, null, at.plusSeconds(86400), 1000L + k, 50L, 20L, 9000L + k, null));
    Capture c = new Capture(url, at.plusSeconds(3600), "ok");
    c.setPost(p);
    c.setChannel(ch);
    c.setScreenshotSha(put(s, blobs, uniquePng(base, k), "image/png", bytes));
    String html = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
        + ("<p>" + title + "</p>").repeat(40) + "</body></html>";
    c.setHtmlSha(put(s, blobs, html.getBytes(StandardCharsets.UTF_8), "text/html", bytes));
    c.setJsonSha(put(s, blobs, ("{\"url\":\"" + url + "\",\"capturedAt\":\"" + at.plusSeconds(3600) + "\"}")
        .getBytes(StandardCharsets.UTF_8), "application/json", bytes));
    s.persist(c);
    Evidence e = new Evidence(2, "harvested", title, at.plusSeconds(3600));
    e.setUrl(url);
    e.setOccurredAt(at);
    e.setPost(p);
    e.setCapture(c);
    e.setUnit(ch.getUnit());
    e.setChannel(ch);
    s.persist(e);
    AuditLog.append(s, at.plusSeconds(3600), "harvester", "evidence.create", "evidence", e.getId().toString(), null,
        "{\"status\":\"pending\"}");
    e.review("approved", null, "thu.nguyen", at.plusSeconds(7200));
    s.persist(new EvidenceLink(e, item, "manual", "confirmed", null, "thu.nguyen", at.plusSeconds(7200)));
    AuditLog.append(s, at.plusSeconds(7200), "thu.nguyen", "evidence.approve", "evidence", e.getId().toString(),
        "{\"status\":\"pending\"}", "{\"status\":\"approved\"}");
  }

  /**
   * Writes the blob file directly (setup only: the store's fsync per blob would make setting up 30,000 blobs
   * slow without changing what the export reads) and records its row.
   */
  private static String put(Session s, BlobStore blobs, byte[] bytes, String type, AtomicLong total) {
    String sha = HexFormat.of().formatHex(BlobStore.sha256().digest(bytes));
    Path p = ((vn.minhchung.storage.blob.LocalBlobBackend) blobs.backend()).path(sha);
    try {
      Files.createDirectories(p.getParent());
      if (!Files.exists(p)) {
        Files.write(p, bytes);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    BlobStore.record(s, new BlobRef(sha, bytes.length, type), Instant.parse("2026-10-01T00:00:00Z"));
    total.addAndGet(bytes.length);
    return sha;
  }

  /** The same picture with a tEXt chunk holding k, so every screenshot is a distinct blob. */
  static byte[] uniquePng(byte[] png, int k) {
    byte[] text = ("Comment\0minh chung " + k).getBytes(StandardCharsets.ISO_8859_1);
    byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(text);
    int iend = png.length - 12;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(png.length + 12 + text.length);
    b.put(png, 0, iend).putInt(text.length).put(type).put(text).putInt((int) crc.getValue()).put(png, iend, 12);
    return b.array();
  }

  private static long copyBlobs(BlobStore blobs, Path target) throws IOException {
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target); Stream<Path> files = Files.walk(((vn.minhchung.storage.blob.LocalBlobBackend) blobs.backend()).root().resolve("sha256"))) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try (InputStream in = Files.newInputStream(p)) {
          total += in.transferTo(out);
        }
      }
    }
    Files.move(target, target.resolveSibling("copy.done"), StandardCopyOption.REPLACE_EXISTING);
    return total;
  }

  /** Peak heap while the export runs: peaks of the heap pools, and the largest heap left after a collection. */
  private static final class PeakHeap {
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private final AtomicLong afterGc = new AtomicLong();

    static PeakHeap start() {
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      PeakHeap h = new PeakHeap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((note, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(note.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) note.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            h.afterGc.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
      return h;
    }

    /** The old generation's peak: what the export keeps, as opposed to short-lived garbage in the young pools. */
    long oldGenPeak() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    long afterGc() {
      return afterGc.get();
    }
  }
}
