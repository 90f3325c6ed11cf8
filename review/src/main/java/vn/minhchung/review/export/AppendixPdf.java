package vn.minhchung.review.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.settings.SettingsException;

/**
 * The PDF of the DOCX appendix, made by LibreOffice ({@code soffice --headless --convert-to pdf}) when it is
 * installed. Setting {@code export.pdf}: {@code auto} (the default: use LibreOffice where it is found),
 * {@code off}, or the path of {@code soffice}. The conversion runs in its own process with its own profile and
 * is killed, with its children, after {@code export.pdfTimeoutSeconds}; a failed conversion leaves the dossier
 * without the PDF (the DOCX is always there) and says why in the log.
 */
public final class AppendixPdf {
  private static final Logger LOG = LoggerFactory.getLogger(AppendixPdf.class);
  static final List<Path> KNOWN = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/bin/libreoffice"),
      Path.of("/usr/lib/libreoffice/program/soffice"), Path.of("/opt/libreoffice/program/soffice"));

  private final Path soffice;
  private final Duration timeout;

  public AppendixPdf(Path soffice, Duration timeout) {
    this.soffice = soffice;
    this.timeout = timeout;
  }

  /** What the settings ask for: empty when {@code off}, or {@code auto} and LibreOffice is not installed. */
  public static Optional<AppendixPdf> configured(Settings settings) {
    String v = settings.string("export.pdf").trim();
    Duration timeout = Duration.ofSeconds(Math.max(10, settings.integer("export.pdfTimeoutSeconds")));
    if (v.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    if (v.equalsIgnoreCase("auto")) {
      return KNOWN.stream().filter(Files::isExecutable).findFirst().map(p -> new AppendixPdf(p, timeout));
    }
    Path p = Path.of(v);
    if (!Files.isExecutable(p)) {
      throw new SettingsException(List.of("export.pdf: '" + v + "' is not an executable file; give the path of LibreOffice's "
          + "soffice, or 'auto' (find it) or 'off' (no PDF of the appendix)"));
    }
    return Optional.of(new AppendixPdf(p, timeout));
  }

  public Path soffice() {
    return soffice;
  }

  /** Converts {@code docx} to a PDF in {@code workDir}; empty when LibreOffice failed or ran out of time. */
  Optional<Path> convert(Path docx, Path workDir) throws IOException {
    Path out = Files.createDirectories(workDir.resolve("pdf"));
    Path log = workDir.resolve("soffice.log");
    Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + workDir.resolve("lo-profile").toUri(),
        "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out.toString(), docx.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        LOG.warn("LibreOffice did not convert the appendix to PDF within {} s; the dossier has the DOCX only", timeout.toSeconds());
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while LibreOffice converted the appendix to PDF", e);
    }
    String name = docx.getFileName().toString().replaceFirst("\\.docx$", "") + ".pdf";
    Path pdf = out.resolve(name);
    if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
      LOG.warn("LibreOffice ({}) could not convert the appendix to PDF (exit {}): {}", soffice, p.exitValue(),
          Files.exists(log) ? Files.readString(log).strip() : "");
      return Optional.empty();
    }
    return Optional.of(pdf);
  }
}
