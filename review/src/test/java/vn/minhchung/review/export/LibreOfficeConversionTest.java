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
          .withPdf(Optional.of(new AppendixPdf(soffice.get(), java.time.Duration.ofSeconds(300))))
          .withForm(new DocumentForm(Optional.of("UBND tỉnh Bắc Ninh"), Optional.of("Sở Khoa học và Công nghệ"),
              Optional.of("SKHCN"), Optional.of("Bắc Ninh"), List.of("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
              Optional.of("Nguyễn Gia Phong"), List.of("UBND tỉnh (b/c)", "Lãnh đạo Sở"))),
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
    Files.copy(folder.resolve(DossierLayout.PDF), Path.of("target", "phu-luc-minh-chung.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    bandReadsOnPaper(folder.resolve(DossierLayout.PDF));
  }

  /**
   * Page 2 of the appendix (the first evidence block) rendered at 100 dpi: the screenshot's dark header band is at
   * least 3.5 mm high and 12 cm wide on the A4 page, so its two lines of text read when printed.
   */
  private void bandReadsOnPaper(Path appendixPdf) throws Exception {
    Optional<Path> pdftoppm = List.of("/usr/bin/pdftoppm").stream().map(Path::of).filter(Files::isExecutable).findFirst();
    assumeTrue(pdftoppm.isPresent(), "poppler-utils (pdftoppm) is not installed");
    Path png = dir.resolve("trang");
    Process r = new ProcessBuilder(pdftoppm.get().toString(), "-r", "100", "-f", "2", "-l", "2", "-png",
        appendixPdf.toString(), png.toString()).redirectErrorStream(true).start();
    assertThat(r.waitFor(120, TimeUnit.SECONDS)).as("pdftoppm finished").isTrue();
    Path page;
    try (var files = Files.list(dir)) {
      page = files.filter(f -> f.getFileName().toString().startsWith("trang-")).findFirst().orElseThrow();
    }
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(page.toFile());
    // The band: the first run of at least 5 rows that are dark across most of the text width (table borders are
    // one pixel high; text lines are never dark across the row).
    int bandTop = -1;
    int bandHeight = 0;
    int bandWidth = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      int darkPixels = 0;
      for (int i = 0; i < img.getWidth(); i++) {
        darkPixels += dark(img.getRGB(i, y)) ? 1 : 0;
      }
      if (darkPixels > img.getWidth() / 2) {
        if (bandTop < 0) {
          bandTop = y;
        }
        bandHeight = y - bandTop + 1;
        bandWidth = Math.max(bandWidth, darkPixels);
      } else if (bandHeight >= 5) {
        break;
      } else {
        bandTop = -1;
        bandHeight = 0;
        bandWidth = 0;
      }
    }
    assertThat(bandTop).as("a dark header band on page 2").isPositive();
    double mmPerPixel = 297.0 / img.getHeight();
    assertThat(bandHeight * mmPerPixel).as("band height on paper, mm").isGreaterThanOrEqualTo(3.5);
    assertThat(bandWidth * mmPerPixel).as("band width on paper, mm").isGreaterThanOrEqualTo(120);
  }

  private static boolean dark(int rgb) {
    int lum = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
    return lum < 90;
  }
}
