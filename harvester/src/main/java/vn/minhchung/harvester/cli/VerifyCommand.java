package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.review.export.DossierText;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.VerificationReport;
import vn.minhchung.review.verify.ZipLimits;

/** {@code verify FILE.zip}: re-checks a dossier offline; exit 1 names each bad file. Needs no database. */
@Command(name = "verify", description = "Kiểm tra tính toàn vẹn của hồ sơ minh chứng (verify a dossier ZIP offline).")
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.zip", description = "The dossier to check.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw CliException.badInput(file + ": no such file");
    }
    VerificationReport r;
    try {
      r = new DossierVerifier(ZipLimits.DEFAULT).verify(file);
    } catch (ZipException e) {
      throw CliException.badInput(file + ": not a ZIP archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    String stamp = r.timestamp().map(t -> "dấu thời gian hợp lệ lúc " + DossierText.second(t.time()) + " (" + t.authority()
        + ") / valid timestamp").orElse("không có dấu thời gian / no timestamp");
    if (r.intact()) {
      out.println("Hồ sơ nguyên vẹn / Dossier intact: " + file);
      out.println("  " + r.filesChecked() + " tệp khớp manifest / files match the manifest; " + r.auditEvents()
          + " sự kiện nhật ký, chuỗi băm hợp lệ / audit events, hash chain valid; " + stamp + ".");
      return ExitCodes.OK;
    }
    out.println("Hồ sơ KHÔNG nguyên vẹn / Dossier NOT intact: " + file + " (" + r.problems().size()
        + " vấn đề / problems)");
    r.problems().forEach(p -> out.println("  " + p));
    spec.commandLine().getErr().println("error: " + file + ": " + r.problems().size() + " problem(s), first: " + r.problems().get(0));
    return ExitCodes.PROBLEMS;
  }
}
