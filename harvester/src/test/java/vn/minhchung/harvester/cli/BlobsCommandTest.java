package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.storage.blob.BlobBackend;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.blob.S3ProxyServer;
import vn.minhchung.storage.db.Database;

/** {@code blobs migrate} and {@code blobs verify} between the local folder and S3 (S3Proxy in this JVM). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class BlobsCommandTest {
  @TempDir static Path data;
  private final Clock clock = Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC);
  private S3ProxyServer s3;
  private int blobs;

  @BeforeAll
  void sampleData() throws Exception {
    s3 = S3ProxyServer.inMemory("minh-chung");
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      new DossierFixture(db, new BlobStore(data.resolve("blobs"))).build();
    }
    try (Stream<Path> files = Files.walk(data.resolve("blobs").resolve("sha256"))) {
      blobs = (int) files.filter(Files::isRegularFile).count();
    }
  }

  @AfterAll
  void stop() throws Exception {
    s3.close();
  }

  private Map<String, String> s3Env(String store) {
    Map<String, String> env = new HashMap<>();
    env.put("HARVESTER_BLOBS_STORE", store);
    env.put("HARVESTER_BLOBS_S3_ENDPOINT", s3.endpoint().toString());
    env.put("HARVESTER_BLOBS_S3_BUCKET", s3.bucket());
    env.put("HARVESTER_BLOBS_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
    env.put("HARVESTER_BLOBS_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
    env.put("HARVESTER_BLOBS_S3_PREFIX", "bac-ninh/");
    return env;
  }

  @Test
  void migratesToS3AndBackWithEveryHashCheckedAndResumes() throws Exception {
    CliRun first = CliRun.run(data, s3Env("local"), clock, "blobs", "migrate", "--to", "s3");
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains(": " + blobs + " tệp, đã chép " + blobs + " (")
        .contains("đã có sẵn 0.").contains("Tiếp theo: đặt blobs.store: s3");
    assertThat(first.err()).contains("chuyển: " + blobs + "/" + blobs + " tệp (100%)");
    assertThat(first.out() + first.err()).doesNotContain(S3ProxyServer.SECRET_KEY);

    CliRun again = CliRun.run(data, s3Env("s3"), clock, "blobs", "migrate", "--to", "s3");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("đã chép 0 (0.0 MiB), đã có sẵn " + blobs + ".").doesNotContain("Tiếp theo");

    CliRun verify = CliRun.run(data, s3Env("s3"), clock, "blobs", "verify");
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("Đã kiểm tra " + blobs + " tệp").contains("s3://minh-chung/bac-ninh/")
        .contains("tất cả nguyên vẹn");

    // Back: the local folder lost two files; only those are copied, each checked on the way.
    List<Path> local;
    try (Stream<Path> files = Files.walk(data.resolve("blobs").resolve("sha256"))) {
      local = files.filter(Files::isRegularFile).limit(2).toList();
    }
    for (Path p : local) {
      Files.delete(p);
    }
    CliRun back = CliRun.run(data, s3Env("s3"), clock, "blobs", "migrate", "--to", "local");
    assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
    assertThat(back.out()).contains("đã chép 2 (").contains("đã có sẵn " + (blobs - 2));
    assertThat(local).allSatisfy(p -> assertThat(p).exists());
    assertThat(CliRun.run(data, Map.of(), clock, "blobs", "verify").exitCode()).isZero();
  }

  @Test
  void verifyNamesAChangedOrMissingObjectAndExitsOne() throws Exception {
    Map<String, String> env = s3Env("s3");
    env.put("HARVESTER_BLOBS_S3_PREFIX", "tamper/");
    assertThat(CliRun.run(data, env, clock, "blobs", "migrate", "--to", "s3").exitCode()).isZero();
    String changed;
    String missing;
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      List<String> shas = db.inTransaction(s -> s.createSelectionQuery(
          "select b.sha256 from BlobRecord b order by b.sha256", String.class).setMaxResults(2).getResultList());
      changed = shas.get(0);
      missing = shas.get(1);
    }
    s3.overwrite("tamper/" + BlobBackend.key(changed), "ảnh đã bị thay".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    s3.delete("tamper/" + BlobBackend.key(missing));
    CliRun v = CliRun.run(data, env, clock, "blobs", "verify");
    assertThat(v.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(v.out()).contains("LỖI: blob " + changed + " has changed")
        .contains("LỖI: blob " + missing + " is missing from s3://minh-chung/tamper/")
        .contains("2 tệp thiếu hoặc đã bị sửa");
    CliRun sample = CliRun.run(data, env, clock, "blobs", "verify", "--sample", "3");
    assertThat(sample.out()).contains("Đã kiểm tra 3 tệp");
  }

  @Test
  void anUnreachableStoreIsAnOutsideFailure() {
    Map<String, String> env = s3Env("s3");
    env.put("HARVESTER_BLOBS_S3_ENDPOINT", "http://127.0.0.1:9");
    CliRun r = CliRun.run(data, env, clock, "blobs", "verify", "--sample", "1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OUTSIDE_FAILURE);
    assertThat(r.err()).contains("error: cannot read blob").contains("s3://minh-chung/bac-ninh/ at http://127.0.0.1:9")
        .doesNotContain(S3ProxyServer.SECRET_KEY);
  }

  @Test
  void anS3StoreWithoutItsKeysIsAConfigurationErrorNamingEachKey() {
    CliRun r = CliRun.run(data, Map.of("HARVESTER_BLOBS_STORE", "s3"), clock, "blobs", "verify");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("error: blobs.s3.bucket").contains("error: blobs.s3.accessKey")
        .contains("error: blobs.s3.secretKey");
    CliRun sample = CliRun.run(data, Map.of(), clock, "blobs", "verify", "--sample", "0");
    assertThat(sample.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(sample.err()).contains("--sample 0");
  }
}
