package vn.minhchung.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.ExportSummary;
import vn.minhchung.storage.blob.BlobCopy;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.blob.S3ProxyServer;
import vn.minhchung.storage.db.Database;

/**
 * The S3 blob store against the local folder on the same files: put and get throughput and latency of N
 * screenshots of about 300 KB (incompressible bytes, like PNG), then the export of M evidence items read from each
 * store. S3 is S3Proxy over its filesystem backend in this JVM (loopback HTTP, SigV4), so the difference shown is the
 * cost of the S3 protocol path, not of a network.
 * <pre>java -cp … vn.minhchung.bench.BlobBench [files=1000] [kib=300] [exportItems=1000] [work dir]</pre>
 */
public final class BlobBench {
  private BlobBench() {}

  /** Latencies and throughput of one operation on one store. */
  private record Stats(double mbPerSec, double p50Ms, double p95Ms, double p99Ms) {
    static Stats of(long[] nanos, long bytes) {
      long total = Arrays.stream(nanos).sum();
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Stats(bytes / 1e6 / (total / 1e9), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    private static double ms(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int kib = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int exportItems = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("blob-bench-");
    List<byte[]> shots = new ArrayList<>();
    Random random = new Random(300);
    long bytes = 0;
    for (int i = 0; i < files; i++) {
      byte[] b = new byte[kib * 1024 + random.nextInt(8 * 1024)];
      random.nextBytes(b);
      shots.add(b);
      bytes += b.length;
    }
    try (S3ProxyServer s3 = S3ProxyServer.onDisk(Files.createDirectories(work.resolve("s3-objects")), "bench");
        BlobStore local = new BlobStore(work.resolve("local").resolve("blobs"));
        BlobStore remote = s3.store(Files.createDirectories(work.resolve("s3-node")), "bac-ninh/")) {
      Stats[] l = run(local, shots, bytes);
      Stats[] r = run(remote, shots, bytes);
      System.out.printf(Locale.ROOT, "%d files of about %d KiB (%.1f MB), each put once and read back with its hash checked%n",
          files, kib, bytes / 1e6);
      System.out.printf(Locale.ROOT, "%-24s %10s %10s %10s %10s | %10s %10s %10s %10s%n", "store", "put MB/s", "p50 ms",
          "p95 ms", "p99 ms", "get MB/s", "p50 ms", "p95 ms", "p99 ms");
      print("local folder", l);
      print("s3 (S3Proxy, loopback)", r);

      double[] export = exportItems > 0 ? export(work, local, remote, exportItems) : new double[] {0, 0};
      System.out.printf(Locale.ROOT, "blobs: %d x %d KiB, put local %.1f MB/s s3 %.1f MB/s, get local %.1f MB/s s3 %.1f MB/s,"
              + " put p95 local %.1f ms s3 %.1f ms, export %d items local %.1f s s3 %.1f s%n", files, kib, l[0].mbPerSec(),
          r[0].mbPerSec(), l[1].mbPerSec(), r[1].mbPerSec(), l[0].p95Ms(), r[0].p95Ms(), exportItems, export[0], export[1]);
    }
  }

  private static Stats[] run(BlobStore store, List<byte[]> shots, long bytes) throws Exception {
    long[] put = new long[shots.size()];
    long[] get = new long[shots.size()];
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < shots.size(); i++) {
      long t0 = System.nanoTime();
      refs.add(store.put(shots.get(i), "image/png"));
      put[i] = System.nanoTime() - t0;
    }
    for (int i = 0; i < refs.size(); i++) {
      long t0 = System.nanoTime();
      try (InputStream in = store.openVerified(refs.get(i).sha256())) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      get[i] = System.nanoTime() - t0;
    }
    return new Stats[] {Stats.of(put, bytes), Stats.of(get, bytes)};
  }

  private static void print(String name, Stats[] s) {
    System.out.printf(Locale.ROOT, "%-24s %10.1f %10.2f %10.2f %10.2f | %10.1f %10.2f %10.2f %10.2f%n", name,
        s[0].mbPerSec(), s[0].p50Ms(), s[0].p95Ms(), s[0].p99Ms(), s[1].mbPerSec(), s[1].p50Ms(), s[1].p95Ms(),
        s[1].p99Ms());
  }

  /** Seconds to export the same dossier of {@code n} items from each store (the S3 one filled by blobs migrate's copy). */
  private static double[] export(Path work, BlobStore local, BlobStore remote, int n) throws Exception {
    try (Database db = Database.open(Settings.of(work.resolve("export-db"), Map.of()))) {
      ExportBench.populate(db, local, n);
      BlobCopy.Result copied = BlobCopy.run(db, local, remote, p -> { });
      if (!copied.problems().isEmpty()) {
        throw new IllegalStateException("copy to S3 failed: " + copied.problems());
      }
      double[] secs = new double[2];
      BlobStore[] stores = {local, remote};
      for (int i = 0; i < 2; i++) {
        Path out = work.resolve("ho-so-" + i + ".zip");
        long t0 = System.nanoTime();
        ExportSummary s;
        try (OutputStream o = Files.newOutputStream(out)) {
          s = new DossierExporter(db, stores[i], Clock.systemUTC(), Optional.empty())
              .export(ExportRequest.plan("110/KH-UBND"), o);
        }
        secs[i] = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "export from %-6s %d items, %d files, %.1f MB in %.1f s%n",
            i == 0 ? "local:" : "s3:", s.evidence(), s.files(), s.bytes() / 1e6, secs[i]);
      }
      return secs;
    }
  }
}
