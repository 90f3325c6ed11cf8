package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;

/**
 * The README's first command end to end, in real Chromium: local demo sites, registry import, harvest and
 * capture of every channel, auto-linking; a second run that only adds what changed; a dossier that verifies.
 */
class DemoCommandTest {
  @TempDir Path data;

  @Test
  void demoHarvestsCapturesAndLinksEverythingThenASecondRunOnlyAddsWhatChanged() throws Exception {
    // The same ports for both runs, as a user's runs have: the registry holds the sites' addresses.
    String base = Integer.toString(freeBasePort());
    CliRun first = CliRun.run(data, Map.of(), Clock.systemUTC(), "demo", "--no-serve", "--sites-port", base);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("Danh mục mẫu (registry)", "45 created, 0 updated", "Đã tạo tài khoản mẫu 'demo'")
        .contains("[5/5]", "BAO-BN: success", "FB-TTBN: success", "ZALO-CQSBN: success", "YT-TTDN-BN: success",
            "CONG-TTDT-BN: success");
    Matcher done = Pattern.compile("Xong: 5 kênh, (\\d+) ảnh chụp mới").matcher(first.out());
    assertThat(done.find()).as(first.out()).isTrue();
    int captures = Integer.parseInt(done.group(1));
    assertThat(captures).isGreaterThanOrEqualTo(30);

    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      long ok = db.inTransaction(s -> s.createSelectionQuery(
          "select count(c) from Capture c where c.status = 'ok'", Long.class).getSingleResult());
      assertThat(ok).as("every capture of the demo is good evidence").isEqualTo(captures);
      long linkedEvidence = db.inTransaction(s -> s.createSelectionQuery(
          "select count(distinct l.evidence.id) from EvidenceLink l where l.state = 'suggested'", Long.class)
          .getSingleResult());
      assertThat(linkedEvidence).isGreaterThanOrEqualTo(20);
      long withCapture = db.inTransaction(s -> s.createSelectionQuery(
          "select count(e) from Evidence e where e.source = 'harvested' and exists "
              + "(select c from Capture c where c.post = e.post and c.status = 'ok')", Long.class).getSingleResult());
      assertThat(withCapture).isEqualTo(db.inTransaction(s -> s.createSelectionQuery(
          "select count(e) from Evidence e where e.source = 'harvested'", Long.class).getSingleResult()));
    }

    CliRun second = CliRun.run(data, Map.of(), Clock.systemUTC(), "demo", "--no-serve", "--sites-port", base);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("0 created, 0 updated").doesNotContain("Đã tạo tài khoản mẫu")
        .contains("FB-TTBN: success (0 bài mới", "10 số liệu", "BAO-BN: success (0 bài mới");
    assertThat(second.out()).containsPattern("Xong: 5 kênh, [01] ảnh chụp mới");

    Path zip = data.resolve("ho-so.zip");
    CliRun export = CliRun.run(data, "export", "--plan", "110/KH-UBND", "--all-statuses", "--out", zip.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.size(zip)).isPositive();
    CliRun verify = CliRun.run(data, "verify", zip.toString());
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Hồ sơ nguyên vẹn");
  }

  /** A base port whose next five ports are free on the loopback address. */
  private static int freeBasePort() throws java.io.IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
        base = probe.getLocalPort() - 1;
      }
      if (base + 5 > 65_535) {
        continue;
      }
      boolean free = true;
      for (int i = 1; i <= 5 && free; i++) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(base + i, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no five consecutive free ports found on 127.0.0.1");
  }
}
