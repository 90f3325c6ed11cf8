package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.ZipLimits;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** The sample plan plus hostile evidence, exported and verified on every test database. */
class HostileEvidenceTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void hostileTitleUrlAndFileNameAreEscapedSanitisedAndTheDossierVerifies(DatabaseTarget target) throws Exception {
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      long hostile = new DossierFixture(db, blobs).addHostile();
      DossierExporter exporter = new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty());
      Path file = DossierFiles.export(exporter, ExportRequest.plan(DossierFixture.PLAN), dir.resolve("hs.zip"));
      Map<String, byte[]> zip = DossierFiles.read(file);
      String html = new String(zip.get("index.html"), StandardCharsets.UTF_8);
      assertThat(html).doesNotContain("<script", "<b>10 điểm mới</b>", "<img src=x>")
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Infographic &quot;Luật CĐS&quot; &amp; &lt;b&gt;10 điểm mới&lt;/b&gt;");
      String n = DossierLayout.number(hostile);
      assertThat(zip.keySet()).contains("files/II.2/5-an-pham/" + n + "-tep-etc-passwd-img-src-x-.png")
          .allMatch(p -> !p.contains("..") && !p.contains("\\") && !p.startsWith("/"));
      assertThat(new DossierVerifier(ZipLimits.DEFAULT).verify(file).problems()).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }
}
