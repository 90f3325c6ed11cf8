package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/**
 * The appendix's PDF: settings, and the exporter's use of a converter, with stand-ins for LibreOffice that
 * behave as {@code soffice --convert-to pdf --outdir DIR FILE} does, fails, or hangs.
 */
class AppendixPdfTest {
  @TempDir Path dir;

  private Path script(String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  /** Writes DIR/<name>.pdf for the last argument, as LibreOffice does. */
  private Path converting() throws Exception {
    return script("soffice-ok", "while [ $# -gt 1 ]; do if [ \"$1\" = --outdir ]; then out=$2; fi; shift; done\n"
        + "name=$(basename \"$1\" .docx)\nprintf '%%PDF-1.7\\n%% phu luc\\n%%%%EOF\\n' > \"$out/$name.pdf\"");
  }

  private Map<String, byte[]> export(Optional<AppendixPdf> pdf) throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty()).withPdf(pdf)
          .export(ExportRequest.plan(DossierFixture.PLAN), out);
      Map<String, byte[]> files = new HashMap<>();
      try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          files.put(e.getName(), in.readAllBytes());
        }
      }
      return files;
    } finally {
      TestDatabases.drop(target);
    }
  }

  @Test
  void thePdfGoesIntoTheDossierAndItsManifest() throws Exception {
    Map<String, byte[]> zip = export(Optional.of(new AppendixPdf(converting(), Duration.ofSeconds(60))));
    assertThat(new String(zip.get(DossierLayout.PDF), StandardCharsets.US_ASCII)).startsWith("%PDF-1.7");
    assertThat(new String(zip.get("manifest-sha256.txt"), StandardCharsets.UTF_8)).contains("  " + DossierLayout.PDF + "\n");
    assertThat(zip).containsKey(DossierLayout.DOCX);
  }

  @Test
  void aFailingOrHangingConverterLeavesTheDossierWithTheDocxOnly() throws Exception {
    Map<String, byte[]> failed = export(Optional.of(new AppendixPdf(script("soffice-fail", "echo 'Error: source file could not be loaded' >&2; exit 1"),
        Duration.ofSeconds(60))));
    assertThat(failed).containsKey(DossierLayout.DOCX).doesNotContainKey(DossierLayout.PDF);

    long start = System.nanoTime();
    Map<String, byte[]> hung = export(Optional.of(new AppendixPdf(script("soffice-hang", "sleep 600"), Duration.ofSeconds(2))));
    assertThat(hung).containsKey(DossierLayout.DOCX).doesNotContainKey(DossierLayout.PDF);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("killed at its deadline").isLessThan(Duration.ofSeconds(100));
  }

  @Test
  void settingsChooseAutoOffOrAPath() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    assertThat(AppendixPdf.configured(Settings.of(data, Map.of("export.pdf", "off")))).isEmpty();
    assertThat(AppendixPdf.configured(Settings.of(data, Map.of())).isPresent())
        .isEqualTo(AppendixPdf.KNOWN.stream().anyMatch(Files::isExecutable));
    Path ok = converting();
    assertThat(AppendixPdf.configured(Settings.of(data, Map.of("export.pdf", ok.toString()))).orElseThrow().soffice())
        .isEqualTo(ok);
    assertThatThrownBy(() -> AppendixPdf.configured(Settings.of(data, Map.of("export.pdf", "/opt/khong-co/soffice"))))
        .isInstanceOf(SettingsException.class)
        .hasMessage("export.pdf: '/opt/khong-co/soffice' is not an executable file; give the path of LibreOffice's "
            + "soffice, or 'auto' (find it) or 'off' (no PDF of the appendix)");
  }
}
