package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * The XLSX and DOCX open in LibreOffice: it converts both to PDF, and the exporter puts the appendix's PDF into
 * the dossier. Skipped where LibreOffice is not installed.
 */
class LibreOfficeConversionTest {
  @TempDir Path dir;

  @Test @org.junit.jupiter.api.Timeout(value = 600, unit = TimeUnit.SECONDS)
  void xlsxAndDocxConvertToPdf() throws Exception {
    Optional<Path> soffice = List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")
        .stream().map(Path::of).filter(Files::isExecutable).findFirst();
    assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
    DatabaseTarget target = TestDatabases.h2();
    Path zip;
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      zip = DossierFiles.export(new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty())
          .withPdf(Optional.of(new AppendixPdf(soffice.get(), java.time.Duration.ofSeconds(300)))),
          ExportRequest.plan(DossierFixture.PLAN), dir.resolve("ho-so.zip"));
    } finally {
      TestDatabases.drop(target);
    }
    Path folder = Files.createDirectories(dir.resolve("mo-ra"));
    DossierFiles.unzip(zip, folder);
    Path pdf = Files.createDirectories(dir.resolve("pdf"));
    Process p = new ProcessBuilder(soffice.get().toString(), "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
        "--headless", "--convert-to", "pdf", "--outdir", pdf.toString(),
        folder.resolve("minh-chung.xlsx").toString(), folder.resolve("phu-luc-minh-chung.docx").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
    assertThat(folder.resolve(DossierLayout.PDF)).as("the exporter's PDF of the appendix").isNotEmptyFile();
    assertThat(Files.readString(folder.resolve(DossierLayout.PDF), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
    assertThat(pdf.resolve("minh-chung.pdf")).isNotEmptyFile();
    assertThat(pdf.resolve("phu-luc-minh-chung.pdf")).isNotEmptyFile();
    Files.copy(pdf.resolve("phu-luc-minh-chung.pdf"), Path.of("target", "phu-luc-minh-chung.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
