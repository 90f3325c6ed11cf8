package vn.minhchung.review.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierFiles;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** Tampering with an exported dossier in every way the issue names, and hostile ZIPs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierVerifierTest {
  @TempDir static Path dir;
  private Path dossier;
  private Map<String, byte[]> entries;
  private String screenshot;
  private final DossierVerifier verifier = new DossierVerifier(ZipLimits.DEFAULT);

  @BeforeAll
  void export() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      dossier = DossierFiles.export(new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC),
          Optional.empty()), ExportRequest.plan(DossierFixture.PLAN), dir.resolve("ho-so.zip"));
    } finally {
      TestDatabases.drop(target);
    }
    entries = DossierFiles.read(dossier);
    screenshot = entries.keySet().stream().filter(p -> p.endsWith("-screenshot.png")).findFirst().orElseThrow();
  }

  private VerificationReport verifyChanged(String name, java.util.function.BiFunction<String, byte[], byte[]> change)
      throws Exception {
    return verifier.verify(DossierFiles.write(dir.resolve(name), entries, change));
  }

  @Test
  void intactDossierVerifies() throws Exception {
    VerificationReport r = verifier.verify(dossier);
    assertThat(r.problems()).isEmpty();
    assertThat(r.filesChecked()).isEqualTo(entries.size());
    assertThat(r.auditEvents()).isEqualTo(18);
    assertThat(r.timestamp()).isEmpty();
  }

  @Test
  void oneChangedByteNamesTheFile() throws Exception {
    VerificationReport r = verifyChanged("byte.zip", (p, b) -> {
      if (!p.equals(screenshot)) {
        return b;
      }
      byte[] c = b.clone();
      c[c.length / 2] ^= 1;
      return c;
    });
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(screenshot);
      assertThat(p.message()).startsWith("changed: its SHA-256 is ");
    });
  }

  @Test
  void removedFileIsNamedAsMissing() throws Exception {
    VerificationReport r = verifyChanged("removed.zip", (p, b) -> p.equals(screenshot) ? null : b);
    assertThat(r.problems()).extracting(Object::toString)
        .containsExactly(screenshot + ": missing: listed in the manifest but not in the ZIP");
  }

  @Test
  void addedFileIsNamed() throws Exception {
    Map<String, byte[]> more = new LinkedHashMap<>(entries);
    more.put("files/II.2/2-fanpage/0099-screenshot.png", DossierFixture.screenshot("Ảnh chèn thêm", 1, 1, 1));
    VerificationReport r = verifier.verify(DossierFiles.write(dir.resolve("added.zip"), more, (p, b) -> b));
    assertThat(r.problems()).extracting(Object::toString)
        .containsExactly("files/II.2/2-fanpage/0099-screenshot.png: added: in the ZIP but not in the manifest");
  }

  @Test
  void editedManifestNamesTheFileWhoseHashNoLongerMatches() throws Exception {
    VerificationReport r = verifyChanged("manifest.zip", (p, b) -> {
      if (!p.equals("manifest-sha256.txt")) {
        return b;
      }
      String fake = "0".repeat(64);
      return new String(b, StandardCharsets.UTF_8).lines()
          .map(l -> l.endsWith("  " + screenshot) ? fake + "  " + screenshot : l)
          .reduce("", (a, l) -> a + l + "\n").getBytes(StandardCharsets.UTF_8);
    });
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(screenshot);
      assertThat(p.message()).endsWith("the manifest says " + "0".repeat(64));
    });
  }

  @Test
  void reorderedAuditEventsAreCaughtEvenWithARecomputedManifest() throws Exception {
    Map<String, byte[]> swapped = new LinkedHashMap<>(entries);
    List<String> lines = new ArrayList<>(new String(entries.get("audit/audit-events.jsonl"), StandardCharsets.UTF_8).lines().toList());
    String first = lines.get(0);
    lines.set(0, lines.get(1));
    lines.set(1, first);
    swapped.put("audit/audit-events.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    VerificationReport plain = verifier.verify(DossierFiles.write(dir.resolve("reordered.zip"), swapped, (p, b) -> b));
    assertThat(plain.problems()).extracting(Object::toString)
        .anyMatch(s -> s.startsWith("audit/audit-events.jsonl: changed"))
        .anyMatch(s -> s.startsWith("audit/audit-events.jsonl: line 2 (event ") && s.endsWith("not in chain order (reordered or duplicated)"));
    swapped.put("manifest-sha256.txt", manifestOf(swapped));
    VerificationReport forged = verifier.verify(DossierFiles.write(dir.resolve("forged.zip"), swapped, (p, b) -> b));
    assertThat(forged.problems()).isNotEmpty().allMatch(p -> p.path().equals("audit/audit-events.jsonl"));
  }

  @Test
  void editedAuditEventBreaksItsHash() throws Exception {
    Map<String, byte[]> edited = new LinkedHashMap<>(entries);
    String events = new String(entries.get("audit/audit-events.jsonl"), StandardCharsets.UTF_8)
        .replaceFirst("\"actor\":\"thu.nguyen\"", "\"actor\":\"nguoi.khac\"");
    edited.put("audit/audit-events.jsonl", events.getBytes(StandardCharsets.UTF_8));
    edited.put("manifest-sha256.txt", manifestOf(edited));
    VerificationReport r = verifier.verify(DossierFiles.write(dir.resolve("edited.zip"), edited, (p, b) -> b));
    assertThat(r.problems()).singleElement().extracting(Object::toString).asString()
        .contains("audit/audit-events.jsonl: line ").endsWith("content does not match its hash");
  }

  @Test
  void zipSlipAbsoluteAndBackslashNamesAreRefused() throws Exception {
    Path evil = dir.resolve("evil.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
      for (String n : List.of("../../etc/cron.d/evil", "/etc/passwd", "files\\..\\..\\x.bat", "index.html")) {
        z.putNextEntry(new ZipEntry(n));
        z.write("x".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    VerificationReport r = verifier.verify(evil);
    assertThat(r.problems()).extracting(Object::toString).contains(
        "../../etc/cron.d/evil: refused: entry name climbs out of the dossier ('..' segment)",
        "/etc/passwd: refused: entry name is an absolute path",
        "files\\..\\..\\x.bat: refused: entry name contains a backslash",
        "manifest-sha256.txt: missing: the dossier has no manifest");
    assertThat(dir.resolve("etc")).doesNotExist();
  }

  @Test
  void zipBombIsRefusedWithoutInflatingIt() throws Exception {
    Path bomb = dir.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new ZipEntry("files/bom.bin"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertThat(Files.size(bomb)).isLessThan(200_000);
    VerificationReport r = verifier.verify(bomb);
    assertThat(r.problems()).extracting(Object::toString)
        .anyMatch(s -> s.startsWith("files/bom.bin: refused: inflates more than 200 times its compressed size"));
    VerificationReport capped = new DossierVerifier(new ZipLimits(10, 8L << 20, 1L << 30, 100_000, 1L << 20)).verify(bomb);
    assertThat(capped.problems()).extracting(Object::toString)
        .anyMatch(s -> s.equals("files/bom.bin: refused: files/bom.bin inflates to more than 8388608 bytes"));
  }

  @Test
  void tooManyEntriesAreRefusedBeforeReading() throws Exception {
    VerificationReport r = new DossierVerifier(new ZipLimits(5, 1L << 30, 1L << 30, 200, 1L << 20)).verify(dossier);
    assertThat(r.problems()).singleElement().extracting(Object::toString).asString()
        .startsWith("ho-so.zip: refused: " + entries.size() + " entries, more than the limit of 5");
  }

  @Test
  void notAZipIsAnError() throws Exception {
    Path text = Files.writeString(dir.resolve("khong-phai-zip.zip"), "Đây không phải tệp ZIP", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(text)).isInstanceOf(ZipException.class);
  }

  static byte[] manifestOf(Map<String, byte[]> entries) {
    StringBuilder b = new StringBuilder();
    entries.forEach((p, bytes) -> {
      if (!p.equals("manifest-sha256.txt") && !p.equals("manifest-sha256.tsr")) {
        b.append(HexFormat.of().formatHex(BlobStore.sha256().digest(bytes))).append("  ").append(p).append('\n');
      }
    });
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
