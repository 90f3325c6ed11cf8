package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceFile;

/** Files added to an evidence item (a multi-file upload, a screenshot added later) go into the dossier beside it. */
class DossierMoreFilesTest {
  @TempDir Path dir;

  @Test
  void addedFilesAreCopiedNumberedAndListedInTheManifest() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    Database db = TestDatabases.open(target);
    try {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      DossierFixture.Ids ids = new DossierFixture(db, blobs).build();
      byte[] minutes = "%PDF-1.7\nBiên bản nghiệm thu\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
      db.runInTransaction(s -> {
        BlobRef ref = blobs.put(minutes, "application/pdf");
        BlobStore.record(s, ref, DossierFixture.NOW);
        Evidence e = s.find(Evidence.class, ids.pdfScan());
        s.persist(new EvidenceFile(e, ref.sha256(), "biên bản.pdf", "application/pdf", minutes.length, "canbo", DossierFixture.NOW));
        s.persist(new EvidenceFile(e, ref.sha256(), "biên bản.pdf", "application/pdf", minutes.length, "canbo", DossierFixture.NOW));
      });
      DossierExporter exporter = new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty());
      Map<String, byte[]> zip = DossierFiles.read(DossierFiles.export(exporter, ExportRequest.plan(DossierFixture.PLAN),
          dir.resolve("hs.zip")));
      String prefix = "files/II.2/3-bao-in/" + DossierLayout.number(ids.pdfScan()) + "-";
      assertThat(zip.get(prefix + "kem-1-bien-ban.pdf")).isEqualTo(minutes);
      assertThat(zip.get(prefix + "kem-2-bien-ban.pdf")).isEqualTo(minutes);
      assertThat(new String(zip.get("manifest-sha256.txt"), StandardCharsets.UTF_8)).contains(prefix + "kem-2-bien-ban.pdf");
    } finally {
      db.close();
      TestDatabases.drop(target);
    }
  }
}
