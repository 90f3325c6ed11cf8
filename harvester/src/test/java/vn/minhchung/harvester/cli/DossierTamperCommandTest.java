package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.DossierFiles;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.review.export.TestTsa;
import vn.minhchung.review.export.Timestamper;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.audit.AuditRecord;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;

/**
 * The four rewrites of issue 16 that passed {@code verify}: each is caught by a trusted timestamp
 * ({@code --require-timestamp}) or by the exporting database ({@code --against-db}), and the output says what
 * the checks proved and what they could not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierTamperCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path data;
  private final Clock clock = Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC);
  private TestTsa tsa;
  private Map<String, String> env;
  private Path dossier;
  private String screenshot;

  @BeforeAll
  void export() throws Exception {
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      new DossierFixture(db, new BlobStore(data.resolve("blobs"))).build();
    }
    tsa = new TestTsa();
    env = Map.of("HARVESTER_TSA_URL", tsa.url().toString(),
        "HARVESTER_TSA_TRUST_STORE", TestTsa.writeRootPem(data.resolve("ca-goc.pem")).toString());
    dossier = data.resolve("ho-so.zip");
    CliRun e = CliRun.run(data, env, clock, "export", "--plan", "110/KH-UBND", "--out", dossier.toString());
    assertThat(e.exitCode()).as(e.err()).isZero();
    screenshot = DossierFiles.read(dossier).keySet().stream().filter(p -> p.endsWith("-screenshot.png")).findFirst()
        .orElseThrow();
  }

  @AfterAll
  void stop() {
    tsa.close();
  }

  @Test
  void exportPrintsAndRecordsTheManifestHashAndTheAuditHead() {
    Path out = data.resolve("ho-so-II.2.zip");
    CliRun e = CliRun.run(data, env, clock, "export", "--plan", "110/KH-UBND", "--item", "II.2", "--out", out.toString());
    assertThat(e.exitCode()).as(e.err()).isZero();
    try (Database db = Database.open(Settings.of(data, Map.of()))) {
      AuditEvent last = db.inTransaction(s -> AuditLog.all(s).get(AuditLog.all(s).size() - 1));
      assertThat(last.getAction()).isEqualTo("dossier.export");
      assertThat(last.getActor()).isEqualTo("cli");
      assertThat(last.getEntityId()).isEqualTo("110/KH-UBND");
      String manifest = e.out().replaceAll("(?s).*SHA-256 của manifest: ([0-9a-f]{64}).*", "$1");
      String head = e.out().replaceAll("(?s).*Đầu chuỗi nhật ký \\(audit head\\): sự kiện \\d+, hash ([0-9a-f]{64}).*", "$1");
      assertThat(last.getAfterJson()).contains("\"manifestSha256\":\"" + manifest + "\"")
          .contains("\"auditHead\":\"" + head + "\"").contains("\"item\":\"II.2\"");
    }
    CliRun v = CliRun.run(data, env, clock, "verify", out.toString(), "--require-timestamp", "--against-db");
    assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    assertThat(v.out()).contains("Dấu thời gian tin cậy / trusted timestamp: lúc ")
        .contains("do " + TestTsa.SUBJECT + " ký, chứng thực bởi " + TestTsa.ROOT_PEM_SUBJECT)
        .contains("Đối chiếu cơ sở dữ liệu / against the database: manifest này được ghi khi xuất lúc ")
        .contains("mắt xích nhật ký trùng id và hash với cơ sở dữ liệu");
  }

  @Test
  void swappedScreenshotWithARecomputedManifestFailsAgainstTheDatabaseAndTheTimestamp() throws Exception {
    Map<String, byte[]> forged = new LinkedHashMap<>(DossierFiles.read(dossier));
    forged.put(screenshot, DossierFixture.screenshot("Ảnh đã bị thay", 999_999, 1, 2));
    forged.put("manifest-sha256.txt", manifestOf(forged));
    Path zip = DossierFiles.write(data.resolve("anh-thay.zip"), forged, (p, b) -> b);

    CliRun db = CliRun.run(data, env, clock, "verify", zip.toString(), "--against-db");
    assertThat(db.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(db.out()).contains("manifest-sha256.txt: not recorded: no export in this database made a manifest with "
        + "SHA-256 ").contains("manifest-sha256.tsr: the token stamps another manifest");
  }

  @Test
  void rewrittenAuditEventWithItsHashFailsAgainstTheDatabase() throws Exception {
    Map<String, byte[]> forged = new LinkedHashMap<>(DossierFiles.read(dossier));
    List<String> events = new ArrayList<>(text(forged, "audit/audit-events.jsonl").lines().toList());
    ObjectNode last = (ObjectNode) JSON.readTree(events.get(events.size() - 1));
    String oldHash = last.get("hash").asText();
    last.put("actor", "nguoi.khac");
    String newHash = AuditRecord.computeHash(Instant.parse(last.get("at").asText()), "nguoi.khac",
        last.get("action").asText(), last.get("entityType").asText(), nullable(last, "entityId"),
        nullable(last, "beforeJson"), nullable(last, "afterJson"), last.get("prevHash").asText());
    last.put("hash", newHash);
    events.set(events.size() - 1, JSON.writeValueAsString(last));
    forged.put("audit/audit-events.jsonl", (String.join("\n", events) + "\n").getBytes(StandardCharsets.UTF_8));
    forged.put("audit/audit-chain.txt", text(forged, "audit/audit-chain.txt").replace(oldHash, newHash)
        .getBytes(StandardCharsets.UTF_8));
    forged.remove("manifest-sha256.tsr");
    forged.put("manifest-sha256.txt", manifestOf(forged));
    Path zip = DossierFiles.write(data.resolve("nhat-ky-sua.zip"), forged, (p, b) -> b);

    CliRun offline = CliRun.run(data, env, clock, "verify", zip.toString());
    assertThat(offline.exitCode()).as("the ZIP alone cannot tell: " + offline.out()).isZero();
    assertThat(offline.out()).contains("Chưa đối chiếu cơ sở dữ liệu / not checked against the database");

    CliRun db = CliRun.run(data, env, clock, "verify", zip.toString(), "--against-db");
    assertThat(db.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(db.out()).contains("audit/audit-chain.txt: event " + last.get("id").asLong() + " differs from the "
        + "database's event " + last.get("id").asLong() + " (hash " + oldHash + "): the event was rewritten");
  }

  @Test
  void deletedTimestampIsNoTrustedTimestampAndExitsFourWhenOneIsRequired() throws Exception {
    Path zip = DossierFiles.write(data.resolve("khong-dau.zip"), DossierFiles.read(dossier),
        (p, b) -> p.equals("manifest-sha256.tsr") ? null : b);

    CliRun plain = CliRun.run(data, env, clock, "verify", zip.toString());
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).contains("Không có dấu thời gian tin cậy / no trusted timestamp (the dossier has no "
        + "manifest-sha256.tsr): không chứng minh được hồ sơ tồn tại trước thời điểm nào; chỉ chứng minh các tệp khớp "
        + "với manifest");

    CliRun required = CliRun.run(data, env, clock, "verify", zip.toString(), "--require-timestamp");
    assertThat(required.exitCode()).isEqualTo(ExitCodes.NO_TRUSTED_TIMESTAMP).isEqualTo(4);
    assertThat(required.err()).contains("không có dấu thời gian tin cậy / no trusted timestamp, required by "
        + "--require-timestamp (the dossier has no manifest-sha256.tsr)");
  }

  @Test
  void restampBySelfSignedLookAlikeOfTheAuthorityIsNotTrusted() throws Exception {
    Map<String, byte[]> forged = new LinkedHashMap<>(DossierFiles.read(dossier));
    forged.put(screenshot, DossierFixture.screenshot("Ảnh đã bị thay", 999_999, 1, 2));
    forged.put("manifest-sha256.txt", manifestOf(forged));
    try (TestTsa impostor = TestTsa.impostor()) {
      forged.put("manifest-sha256.tsr", new Timestamper(impostor.url())
          .stamp(BlobStore.sha256().digest(forged.get("manifest-sha256.txt"))));
    }
    Path zip = DossierFiles.write(data.resolve("dau-gia.zip"), forged, (p, b) -> b);

    CliRun required = CliRun.run(data, env, clock, "verify", zip.toString(), "--require-timestamp");
    assertThat(required.exitCode()).as(required.out()).isEqualTo(ExitCodes.NO_TRUSTED_TIMESTAMP);
    assertThat(required.out()).contains("no trusted timestamp (the certificate of '" + TestTsa.SUBJECT
        + "' does not chain to a trusted authority (" + data.resolve("ca-goc.pem") + ")");
  }

  private static String text(Map<String, byte[]> entries, String path) {
    return new String(entries.get(path), StandardCharsets.UTF_8);
  }

  private static String nullable(ObjectNode n, String field) {
    return n.get(field) == null || n.get(field).isNull() ? null : n.get(field).asText();
  }

  private static byte[] manifestOf(Map<String, byte[]> entries) {
    StringBuilder b = new StringBuilder();
    entries.forEach((p, bytes) -> {
      if (!p.equals("manifest-sha256.txt") && !p.equals("manifest-sha256.tsr")) {
        b.append(HexFormat.of().formatHex(BlobStore.sha256().digest(bytes))).append("  ").append(p).append('\n');
      }
    });
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
