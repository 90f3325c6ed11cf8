package vn.minhchung.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path dir;

  @Test
  void storesBytesUnderTheirSha256() throws Exception {
    BlobStore store = new BlobStore(dir);
    BlobRef ref = store.put("Chuyển đổi số".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(ref.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
        BlobStore.sha256().digest("Chuyển đổi số".getBytes(StandardCharsets.UTF_8))));
    assertThat(local(store).path(ref.sha256())).exists()
        .isEqualTo(dir.resolve("sha256").resolve(ref.sha256().substring(0, 2)).resolve(ref.sha256().substring(2, 4))
            .resolve(ref.sha256()));
    assertThat(new String(store.read(ref.sha256()), StandardCharsets.UTF_8)).isEqualTo("Chuyển đổi số");
    assertThat(ref.size()).isEqualTo("Chuyển đổi số".getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void storesTheSameBytesOnceAndLeavesNoTemporaryFiles() throws Exception {
    BlobStore store = new BlobStore(dir);
    BlobRef a = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    BlobRef b = store.put(new byte[] {1, 2, 3}, "application/octet-stream");
    assertThat(a.sha256()).isEqualTo(b.sha256());
    try (Stream<Path> files = Files.walk(dir.resolve("sha256"))) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
    }
    try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
      assertThat(tmp.count()).isZero();
    }
  }

  @Test
  void blobFilesAndFoldersAreOwnerOnly() throws Exception {
    BlobStore store = new BlobStore(dir.resolve("blobs"));
    BlobRef ref = store.put(new byte[] {4, 5, 6}, "application/octet-stream");
    assertThat(perms(dir.resolve("blobs"))).isEqualTo("rwx------");
    assertThat(perms(dir.resolve("blobs").resolve("tmp"))).isEqualTo("rwx------");
    assertThat(perms(local(store).path(ref.sha256()).getParent())).isEqualTo("rwx------");
    assertThat(perms(local(store).path(ref.sha256()).getParent().getParent())).isEqualTo("rwx------");
    assertThat(perms(local(store).path(ref.sha256()))).isEqualTo("r--------");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  @Timeout(60)
  void parallelWritesOfTheSameBytesAllSucceedWithOneRow(DatabaseTarget target) throws Exception {
    BlobStore store = new BlobStore(dir.resolve("blobs"));
    byte[] upload = "bản scan báo in".getBytes(StandardCharsets.UTF_8);
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (Database db = TestDatabases.open(target)) {
      CyclicBarrier together = new CyclicBarrier(writers);
      List<Future<BlobRef>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(pool.submit(() -> db.inTransaction(s -> {
          BlobRef ref = store.put(upload, "application/pdf");
          await(together);
          BlobStore.record(s, ref, Instant.parse("2026-11-03T03:00:00Z"));
          return ref;
        })));
      }
      for (Future<BlobRef> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS).size()).isEqualTo(upload.length);
      }
      long rows = db.inTransaction(s -> s.createSelectionQuery("select count(b) from BlobRecord b", Long.class)
          .getSingleResult());
      assertThat(rows).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      TestDatabases.drop(target);
    }
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalBlobBackend local(BlobStore store) {
    return (LocalBlobBackend) store.backend();
  }

  private static String perms(Path p) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
