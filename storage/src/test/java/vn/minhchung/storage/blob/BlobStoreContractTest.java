package vn.minhchung.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;

/** What every blob store must do, run on the local folder and on S3 (S3Proxy in this JVM). */
@Timeout(120)
class BlobStoreContractTest {
  private static S3ProxyServer s3;
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  @TempDir Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.inMemory("minh-chung");
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  /** A fresh store of the kind; S3 stores get a prefix of their own in the shared bucket. */
  private Store open(String kind) {
    if (kind.equals("local")) {
      BlobStore store = new BlobStore(dir.resolve("blobs"));
      LocalBlobBackend local = (LocalBlobBackend) store.backend();
      return new Store(store, (key, bytes) -> {
        Path p = local.root().resolve(key);
        p.toFile().setWritable(true);
        Files.write(p, bytes);
      });
    }
    String prefix = "tinh-" + PREFIXES.incrementAndGet() + "/";
    BlobStore store = new BlobStore(S3BlobBackend.connect(S3Location.fromSettings(
        Settings.of(dir, s3.settings(prefix))), 5L * 1024 * 1024), dir.resolve("blobs").resolve("tmp"));
    return new Store(store, (key, bytes) -> s3.overwrite(prefix + key, bytes));
  }

  private record Store(BlobStore blobs, Tamper tamper) {}

  @FunctionalInterface
  private interface Tamper {
    void overwrite(String key, byte[] bytes) throws Exception;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void storesBytesUnderTheirSha256AndReadsThemBack(String kind) throws Exception {
    byte[] text = "Chuyển đổi số tỉnh Bắc Ninh".getBytes(StandardCharsets.UTF_8);
    try (BlobStore store = open(kind).blobs()) {
      BlobRef ref = store.put(text, "text/plain; charset=utf-8");
      assertThat(ref.sha256()).isEqualTo(HexFormat.of().formatHex(BlobStore.sha256().digest(text)));
      assertThat(ref.size()).isEqualTo(text.length);
      assertThat(store.exists(ref.sha256())).isTrue();
      assertThat(store.read(ref.sha256())).isEqualTo(text);
      try (InputStream in = store.openVerified(ref.sha256())) {
        assertThat(in.readAllBytes()).isEqualTo(text);
      }
      assertThat(store.verify(ref.sha256(), ref.size())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void writingTheSameHashAgainIsANoOp(String kind) throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    try (BlobStore store = open(kind).blobs()) {
      String sha = store.put(png, "image/png").sha256();
      assertThat(store.backend().store(sha, png, "image/png")).as("second write").isFalse();
      BlobRef again = store.put(new ByteArrayInputStream(png), "image/png");
      assertThat(again.sha256()).isEqualTo(sha);
      assertThat(store.read(sha)).isEqualTo(png);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void aStreamIsSpooledWhileHashedAndTheSpoolIsEmptyAfterwards(String kind) throws Exception {
    byte[] html = "<html lang=\"vi\"><title>Sở Khoa học và Công nghệ</title></html>".getBytes(StandardCharsets.UTF_8);
    try (BlobStore store = open(kind).blobs()) {
      BlobRef ref = store.put(new ByteArrayInputStream(html), "text/html");
      assertThat(store.read(ref.sha256())).isEqualTo(html);
      try (Stream<Path> left = Files.list(store.spoolDirectory())) {
        assertThat(left.count()).isZero();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void largeBlobsGoUpInPartsAndComeBackWhole(String kind) throws Exception {
    byte[] warc = new byte[12 * 1024 * 1024 + 4321];
    new Random(20).nextBytes(warc);
    Path file = dir.resolve("capture.warc.gz");
    Files.write(file, warc);
    try (BlobStore store = open(kind).blobs()) {
      BlobRef ref = store.putFile(file, "application/warc");
      assertThat(ref.size()).isEqualTo(warc.length);
      assertThat(store.verify(ref.sha256(), warc.length)).isEmpty();
      try (InputStream in = store.openVerified(ref.sha256())) {
        assertThat(in.readAllBytes()).isEqualTo(warc);
      }
      assertThat(store.putFile(file, "application/warc").sha256()).isEqualTo(ref.sha256());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void changedBytesAreCaughtOnVerifiedReadsAndByVerify(String kind) throws Exception {
    Store s = open(kind);
    try (BlobStore store = s.blobs()) {
      byte[] original = "bản gốc".getBytes(StandardCharsets.UTF_8);
      BlobRef ref = store.put(original, "text/plain");
      s.tamper().overwrite(BlobBackend.key(ref.sha256()), "bản sửa".getBytes(StandardCharsets.UTF_8));
      assertThat(store.verify(ref.sha256(), ref.size())).get().asString().contains("has changed");
      try (InputStream in = store.openVerified(ref.sha256())) {
        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
            .isInstanceOf(BlobCorruptException.class).hasMessageContaining(ref.sha256())
            .hasMessageContaining(store.describe());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void aMissingBlobIsReportedAsMissing(String kind) throws Exception {
    try (BlobStore store = open(kind).blobs()) {
      String sha = "a".repeat(64);
      assertThat(store.exists(sha)).isFalse();
      assertThat(store.verify(sha, 3)).get().asString().contains("missing");
      assertThatThrownBy(() -> store.open(sha)).isInstanceOf(NoSuchFileException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"local", "s3"})
  void parallelWritersOfTheSameBytesAllSucceed(String kind) throws Exception {
    byte[] scan = "bản scan báo in trang 3".getBytes(StandardCharsets.UTF_8);
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (BlobStore store = open(kind).blobs()) {
      CyclicBarrier together = new CyclicBarrier(writers);
      List<Future<BlobRef>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(pool.submit(() -> {
          together.await(20, TimeUnit.SECONDS);
          return store.put(new ByteArrayInputStream(scan), "application/pdf");
        }));
      }
      for (Future<BlobRef> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS).size()).isEqualTo(scan.length);
      }
      assertThat(store.read(results.get(0).get().sha256())).isEqualTo(scan);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void s3KeysCarryThePrefixAndTheShardedHash() throws Exception {
    byte[] bytes = "Cổng thông tin điện tử".getBytes(StandardCharsets.UTF_8);
    try (BlobStore store = s3.store(dir, "bac-ninh")) {
      String sha = store.put(bytes, "text/plain").sha256();
      s3.delete("bac-ninh/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
      assertThat(store.exists(sha)).as("gone once its exact key is deleted").isFalse();
    }
  }

  @Test
  void settingsChooseTheStoreAndNameEveryMissingS3Key() {
    try (BlobStore local = BlobStore.fromSettings(Settings.of(dir, Map.of()))) {
      assertThat(local.backend().kind()).isEqualTo("local");
      assertThat(local.describe()).contains(dir.resolve("blobs").toString());
    }
    assertThatThrownBy(() -> BlobStore.fromSettings(Settings.of(dir, Map.of("blobs.store", "s3"))))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(3)
            .anySatisfy(p -> assertThat(p).startsWith("blobs.s3.bucket"))
            .anySatisfy(p -> assertThat(p).startsWith("blobs.s3.secretKey")));
    assertThatThrownBy(() -> BlobStore.fromSettings(Settings.of(dir, Map.of("blobs.store", "minio"))))
        .isInstanceOf(SettingsException.class).hasMessageContaining("blobs.store: expected local or s3 but was 'minio'");
  }

  @Test
  void theSecretKeyNeverShowsInDescriptionsOrDumps() {
    Settings settings = Settings.of(dir, s3.settings(""));
    try (BlobStore store = BlobStore.fromSettings(settings)) {
      assertThat(store.describe()).doesNotContain(S3ProxyServer.SECRET_KEY);
      assertThat(((S3BlobBackend) store.backend()).location().toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
    }
    assertThat(settings.dump().get("blobs.s3.secretKey")).isEqualTo("****");
    assertThat(settings.toString()).doesNotContain(S3ProxyServer.SECRET_KEY);
  }
}
