package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.DossierFiles;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.review.export.TestTsa;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/** {@code export} and {@code verify} on the command line: exit codes, messages, tamper detection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportVerifyCommandTest {
  @TempDir static Path data;
  private final Clock clock = Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC);

  @BeforeAll
  void sampleData() {
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      new DossierFixture(db, new BlobStore(data.resolve("blobs"))).build();
    }
  }

  @Test
  void exportWritesTheDossierAndVerifySaysItIsIntact() {
    Path out = data.resolve("out/ho-so-II.2.zip");
    CliRun e = CliRun.run(data, Map.of("HARVESTER_EXPORT_PDF", "off"), clock, "export", "--plan", "110/KH-UBND", "--item", "II.2", "--out", out.toString());
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(e.out()).startsWith("Đã xuất hồ sơ minh chứng " + out.toAbsolutePath() + ": 6 minh chứng, 37 tệp,");
    assertThat(out.resolveSibling("ho-so-II.2.zip.part")).doesNotExist();
    CliRun v = CliRun.run(null, "verify", out.toString());
    assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).startsWith("Hồ sơ nguyên vẹn / Dossier intact: " + out)
        .contains("37 tệp khớp manifest / files match the manifest; 18 sự kiện nhật ký, chuỗi băm hợp lệ")
        .contains("Không có dấu thời gian tin cậy / no trusted timestamp");
  }

  @Test
  void verifyNamesEachTamperedFileAndExitsOne() throws Exception {
    Path out = data.resolve("ho-so.zip");
    assertThat(CliRun.run(data, Map.of(), clock, "export", "--plan", "110/KH-UBND", "--out", out.toString()).exitCode()).isZero();
    Map<String, byte[]> entries = DossierFiles.read(out);
    String html = "files/II.2/1-bao-dien-tu/0001-page.html";
    Path bad = DossierFiles.write(data.resolve("ho-so-sua.zip"), entries, (p, b) -> p.equals(html)
        ? new String(b, StandardCharsets.UTF_8).replace("cuộc sống", "cuộc sống!").getBytes(StandardCharsets.UTF_8)
        : p.endsWith("-fullpage.png") && p.contains("/0001-") ? null : b);
    CliRun v = CliRun.run(null, "verify", bad.toString());
    assertThat(v.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(v.out()).startsWith("Hồ sơ KHÔNG nguyên vẹn / Dossier NOT intact: " + bad + " (2 vấn đề / problems)")
        .contains("  " + html + ": changed: its SHA-256 is ")
        .contains("  files/II.2/1-bao-dien-tu/0001-fullpage.png: missing: listed in the manifest but not in the ZIP");
  }

  @Test
  void unknownPlanIsBadInputListingKnownPlans() {
    CliRun r = CliRun.run(data, Map.of(), clock, "export", "--plan", "111/KH-UBND", "--out", data.resolve("x.zip").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("error: no plan with code '111/KH-UBND'; known plans: 110/KH-UBND");
    assertThat(data.resolve("x.zip")).doesNotExist();
    assertThat(data.resolve("x.zip.part")).doesNotExist();
  }

  @Test
  void badDateIsBadInputNamingTheOption() {
    CliRun r = CliRun.run(data, Map.of(), clock, "export", "--plan", "110/KH-UBND", "--from", "2026-10-01", "--out",
        data.resolve("y.zip").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("error: --from: expected a date as dd/MM/yyyy (e.g. 15/11/2026), found '2026-10-01'");
  }

  @Test
  void tsaUrlSettingStampsTheManifest() throws Exception {
    try (TestTsa tsa = new TestTsa()) {
      Path out = data.resolve("co-dau.zip");
      CliRun e = CliRun.run(data, Map.of("HARVESTER_TSA_URL", tsa.url().toString()), clock, "export", "--plan",
          "110/KH-UBND", "--item", "II.2", "--out", out.toString());
      assertThat(e.exitCode()).as(e.err()).isZero();
      assertThat(e.out()).contains("có dấu thời gian RFC 3161 từ " + tsa.url());
      CliRun v = CliRun.run(null, Map.of("HARVESTER_TSA_TRUST_STORE", TestTsa.writeRootPem(data.resolve("ca.pem")).toString()),
          clock, "verify", out.toString());
      assertThat(v.exitCode()).as(v.out()).isZero();
      assertThat(v.out()).contains("Dấu thời gian tin cậy / trusted timestamp: lúc ").contains(TestTsa.SUBJECT);
    }
  }

  @Test
  void verifyOfAMissingFileOrANonZipIsBadInput() throws Exception {
    CliRun missing = CliRun.run(null, "verify", data.resolve("khong-co.zip").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("khong-co.zip: no such file");
    Path text = Files.writeString(data.resolve("ghi-chu.zip"), "không phải ZIP", StandardCharsets.UTF_8);
    CliRun notZip = CliRun.run(null, "verify", text.toString());
    assertThat(notZip.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(notZip.err()).contains("ghi-chu.zip: not a ZIP archive");
  }
}
