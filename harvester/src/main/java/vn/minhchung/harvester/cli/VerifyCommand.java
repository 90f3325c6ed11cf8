package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.minhchung.review.export.DossierText;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.TsaTrust;
import vn.minhchung.review.verify.VerificationReport;
import vn.minhchung.review.verify.ZipLimits;
import vn.minhchung.storage.db.Database;

/**
 * {@code verify FILE.zip [--require-timestamp] [--against-db]}: re-checks a dossier; exit 1 names each bad file,
 * exit 4 when a trusted timestamp is required and missing. Offline unless {@code --against-db}. Says what the
 * checks proved and what they could not.
 */
@Command(name = "verify", description = "Kiểm tra tính toàn vẹn của hồ sơ minh chứng (verify a dossier ZIP).")
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE.zip", description = "The dossier to check.")
  Path file;

  @Option(names = "--require-timestamp", description = "Exit 4 unless an RFC 3161 timestamp of a trusted authority "
      + "(tsa.trustStore, default the JDK's CAs) stamps the manifest.")
  boolean requireTimestamp;

  @Option(names = "--against-db", description = "Also check that the database (--data/--config) recorded this "
      + "manifest at export and holds the same audit events (ids and hashes).")
  boolean againstDb;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw CliException.badInput(file + ": no such file");
    }
    AppContext ctx = Main.of(spec).context();
    TsaTrust trust;
    try {
      trust = TsaTrust.configured(ctx.settings());
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    Optional<Database> db = againstDb ? Optional.of(ctx.database()) : Optional.empty();
    VerificationReport r;
    try {
      r = new DossierVerifier(ZipLimits.DEFAULT, trust).verify(file, db);
    } catch (ZipException e) {
      throw CliException.badInput(file + ": not a ZIP archive (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot be read: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!r.intact()) {
      out.println("Hồ sơ KHÔNG nguyên vẹn / Dossier NOT intact: " + file + " (" + r.problems().size()
          + " vấn đề / problems)");
      r.problems().forEach(p -> out.println("  " + p));
      spec.commandLine().getErr().println("error: " + file + ": " + r.problems().size() + " problem(s), first: "
          + r.problems().get(0));
      return ExitCodes.PROBLEMS;
    }
    out.println("Hồ sơ nguyên vẹn / Dossier intact: " + file);
    out.println("  " + r.filesChecked() + " tệp khớp manifest / files match the manifest; " + r.auditEvents()
        + " sự kiện nhật ký, chuỗi băm hợp lệ / audit events, hash chain valid.");
    out.println("  " + r.timestamp().map(t -> "Dấu thời gian tin cậy / trusted timestamp: lúc " + DossierText.second(t.time())
        + ", do " + t.authority() + " ký, chứng thực bởi " + t.anchor() + ": manifest và mọi tệp khớp với nó đã tồn tại "
        + "trước thời điểm đó.").orElseGet(() -> "Không có dấu thời gian tin cậy / no trusted timestamp ("
        + r.untrusted().orElse("") + "): không chứng minh được hồ sơ tồn tại trước thời điểm nào; chỉ chứng minh các "
        + "tệp khớp với manifest (ai sửa tệp rồi tính lại manifest thì kiểm tra này không phát hiện)."));
    out.println("  " + r.recorded().map(x -> "Đối chiếu cơ sở dữ liệu / against the database: manifest này được ghi khi "
        + "xuất lúc " + DossierText.second(x.at()) + " bởi " + x.actor() + " (sự kiện " + x.eventId() + "); "
        + x.linksMatched() + " mắt xích nhật ký trùng id và hash với cơ sở dữ liệu.")
        .orElse("Chưa đối chiếu cơ sở dữ liệu / not checked against the database (--against-db): không chứng minh được "
            + "hồ sơ do hệ thống này xuất ra, cũng không chứng minh nhật ký không bị viết lại cùng với các hash."));
    if (requireTimestamp && r.timestamp().isEmpty()) {
      spec.commandLine().getErr().println("error: " + file + ": không có dấu thời gian tin cậy / no trusted timestamp, "
          + "required by --require-timestamp (" + r.untrusted().orElse("") + ")");
      return ExitCodes.NO_TRUSTED_TIMESTAMP;
    }
    return ExitCodes.OK;
  }
}
