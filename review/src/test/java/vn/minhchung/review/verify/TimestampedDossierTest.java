package vn.minhchung.review.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierFiles;
import vn.minhchung.review.export.DossierFixture;
import vn.minhchung.review.export.ExportException;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.TestTsa;
import vn.minhchung.review.export.Timestamper;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * RFC 3161: the manifest stamped by a local BouncyCastle TSA, checked offline against trust anchors, a forged
 * manifest caught, a look-alike authority not trusted.
 */
class TimestampedDossierTest {
  @TempDir Path dir;

  @Test
  void manifestIsTimestampedAndTheTokenVerifiesUntilTheManifestChanges() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target); TestTsa tsa = new TestTsa()) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      Clock clock = Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC);
      Path zip = DossierFiles.export(new DossierExporter(db, blobs, clock, Optional.of(new Timestamper(tsa.url()))),
          ExportRequest.plan(DossierFixture.PLAN).withItem("II.2"), dir.resolve("co-dau-thoi-gian.zip"));
      Map<String, byte[]> entries = DossierFiles.read(zip);
      assertThat(entries).containsKey("manifest-sha256.tsr");
      assertThat(new String(entries.get("manifest-sha256.txt"), StandardCharsets.UTF_8)).doesNotContain("manifest-sha256.tsr");

      DossierVerifier verifier = new DossierVerifier(ZipLimits.DEFAULT, TestTsa.trust());
      VerificationReport ok = verifier.verify(zip);
      assertThat(ok.problems()).isEmpty();
      assertThat(ok.timestamp()).hasValueSatisfying(s -> {
        assertThat(s.authority()).isEqualTo(TestTsa.SUBJECT);
        assertThat(s.anchor()).isEqualTo(TestTsa.ROOT_PEM_SUBJECT);
      });
      assertThat(new DossierVerifier(ZipLimits.DEFAULT, TsaTrust.pem(TestTsa.writeRootPem(dir.resolve("ca.pem"))))
          .verify(zip).timestamp()).isPresent();
      VerificationReport jdkOnly = new DossierVerifier(ZipLimits.DEFAULT).verify(zip);
      assertThat(jdkOnly.problems()).isEmpty();
      assertThat(jdkOnly.timestamp()).isEmpty();
      assertThat(jdkOnly.untrusted()).hasValueSatisfying(w -> assertThat(w).contains("does not chain to a trusted "
          + "authority (the JDK's trust anchors (cacerts))"));

      // Someone swaps a screenshot and rewrites the manifest to match: only the timestamp can tell.
      String shot = entries.keySet().stream().filter(p -> p.endsWith("-screenshot.png")).findFirst().orElseThrow();
      Map<String, byte[]> forged = new LinkedHashMap<>(entries);
      forged.put(shot, DossierFixture.screenshot("Ảnh đã bị thay", 999_999, 1, 2));
      forged.put("manifest-sha256.txt", DossierVerifierTest.manifestOf(forged));
      VerificationReport bad = verifier.verify(DossierFiles.write(dir.resolve("gia.zip"), forged, (p, b) -> b));
      assertThat(bad.problems()).extracting(Object::toString).containsExactly("manifest-sha256.tsr: the token stamps another "
          + "manifest: manifest-sha256.txt was changed after it was timestamped");

      Map<String, byte[]> garbled = new LinkedHashMap<>(entries);
      garbled.put("manifest-sha256.tsr", "không phải token".getBytes(StandardCharsets.UTF_8));
      VerificationReport junk = verifier.verify(DossierFiles.write(dir.resolve("rac.zip"), garbled, (p, b) -> b));
      assertThat(junk.problems()).singleElement().extracting(Object::toString).asString()
          .startsWith("manifest-sha256.tsr: not an RFC 3161 timestamp token");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void stampOfASelfSignedCertificateThatCopiesTheAuthoritysNameIsNotTrusted() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target); TestTsa impostor = TestTsa.impostor()) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      Path zip = DossierFiles.export(new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC),
          Optional.of(new Timestamper(impostor.url()))), ExportRequest.plan(DossierFixture.PLAN).withItem("II.2"),
          dir.resolve("dau-gia.zip"));

      VerificationReport r = new DossierVerifier(ZipLimits.DEFAULT, TestTsa.trust()).verify(zip);

      assertThat(r.problems()).isEmpty();
      assertThat(r.timestamp()).isEmpty();
      assertThat(r.untrusted()).contains("the certificate of '" + TestTsa.SUBJECT + "' does not chain to a trusted "
          + "authority (test root); add its CA to tsa.trustStore if you trust it");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void trustStoreThatIsNotPemIsRefusedNamingTheFile() throws Exception {
    Path bad = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "không phải PEM", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TsaTrust.pem(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(bad + " (tsa.trustStore): ");
    assertThatThrownBy(() -> TsaTrust.pem(dir.resolve("khong-co.pem"))).hasMessageEndingWith("(tsa.trustStore): no such file");
  }

  @Test
  void unreachableTsaFailsTheExportNamingTheAddress() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      java.net.URI closed;
      try (TestTsa tsa = new TestTsa()) {
        closed = tsa.url();
      }
      DossierExporter exporter = new DossierExporter(db, blobs, Clock.systemUTC(), Optional.of(new Timestamper(closed)));
      assertThatThrownBy(() -> DossierFiles.export(exporter, ExportRequest.plan(DossierFixture.PLAN), dir.resolve("x.zip")))
          .isInstanceOf(ExportException.class)
          .hasMessageStartingWith("cannot reach the time-stamp authority " + closed);
    } finally {
      TestDatabases.drop(target);
    }
  }
}
