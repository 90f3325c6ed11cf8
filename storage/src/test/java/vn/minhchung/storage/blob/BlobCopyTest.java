package vn.minhchung.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** Copying the blobs of the {@code blob} table between stores ({@code blobs migrate}) and checking them. */
@Timeout(120)
class BlobCopyTest {
  private static final Instant NOW = Instant.parse("2026-11-03T03:00:00Z");
  private static S3ProxyServer s3;
  @TempDir Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.inMemory("minh-chung");
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  private List<BlobRef> stored(Database db, BlobStore store, int n) {
    List<BlobRef> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BlobRef ref = store.put(("Ảnh chụp bài đăng số " + i).getBytes(StandardCharsets.UTF_8), "image/png");
      refs.add(ref);
      db.runInTransaction(s -> BlobStore.record(s, ref, NOW));
    }
    return refs;
  }

  @Test
  void aCutCopyResumesWithTheBlobsNotYetCopied() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target); BlobStore local = new BlobStore(dir.resolve("blobs"));
        BlobStore remote = s3.store(dir, "resume/")) {
      stored(db, local, 7);
      AtomicInteger seen = new AtomicInteger();
      assertThatThrownBy(() -> BlobCopy.run(db, local, remote, p -> {
        if (seen.incrementAndGet() == 3) {
          throw new IllegalStateException("mất điện giữa chừng");
        }
      })).hasMessage("mất điện giữa chừng");
      BlobCopy.Result r = BlobCopy.run(db, local, remote, p -> { });
      assertThat(r.total()).isEqualTo(7);
      assertThat(r.alreadyThere()).isEqualTo(3);
      assertThat(r.copied()).isEqualTo(4);
      assertThat(r.problems()).isEmpty();
      assertThat(BlobCheck.run(db, remote, OptionalInt.empty(), p -> { }).problems()).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void aChangedSourceBlobIsReportedAndNotCopiedTheOthersAre() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target); BlobStore local = new BlobStore(dir.resolve("blobs"));
        BlobStore remote = s3.store(dir, "changed/")) {
      List<BlobRef> refs = stored(db, local, 3);
      Path bad = ((LocalBlobBackend) local.backend()).path(refs.get(1).sha256());
      bad.toFile().setWritable(true);
      Files.writeString(bad, "đã bị sửa", StandardCharsets.UTF_8);
      BlobCopy.Result r = BlobCopy.run(db, local, remote, p -> { });
      assertThat(r.copied()).isEqualTo(2);
      assertThat(r.problems()).singleElement().asString().contains(refs.get(1).sha256()).contains("has changed");
      assertThat(remote.exists(refs.get(1).sha256())).isFalse();
      BlobCheck.Result check = BlobCheck.run(db, remote, OptionalInt.of(3), p -> { });
      assertThat(check.checked()).isEqualTo(3);
      assertThat(check.problems()).singleElement().asString().contains("is missing from s3://minh-chung/changed/");
    } finally {
      TestDatabases.drop(target);
    }
  }
}
