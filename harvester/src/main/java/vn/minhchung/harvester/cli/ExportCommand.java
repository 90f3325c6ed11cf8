package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierText;
import vn.minhchung.review.export.ExportException;
import vn.minhchung.review.export.ExportRecord;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.ExportSummary;
import vn.minhchung.review.export.Timestamper;

/** {@code export --plan CODE --out FILE.zip}: the reporting dossier of a plan, written atomically. */
@Command(name = "export", description = "Xuất hồ sơ minh chứng của một kế hoạch thành tệp ZIP (the reporting dossier).")
final class ExportCommand implements Callable<Integer> {
  private static final String ACTOR = "cli";

  @Spec CommandSpec spec;

  @Option(names = "--plan", required = true, paramLabel = "CODE", description = "Plan code, e.g. 110/KH-UBND.")
  String plan;

  @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Where to write the dossier.")
  Path out;

  @Option(names = "--item", paramLabel = "CODE", description = "Only this plan item, e.g. II.2.")
  String item;

  @Option(names = "--unit", paramLabel = "CODE", description = "Only evidence of this unit.")
  String unit;

  @Option(names = "--from", paramLabel = "dd/MM/yyyy", description = "Only evidence from this day on.")
  String from;

  @Option(names = "--to", paramLabel = "dd/MM/yyyy", description = "Only evidence up to this day (included).")
  String to;

  @Option(names = "--all-statuses", description = "Include evidence not yet approved and suggested links (rejected evidence never).")
  boolean allStatuses;

  @Override
  public Integer call() throws IOException {
    ExportRequest request;
    try {
      request = new ExportRequest(plan, Optional.ofNullable(item), Optional.ofNullable(unit), day("--from", from),
          day("--to", to), allStatuses);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    AppContext ctx = Main.of(spec).context();
    Optional<Timestamper> tsa = Timestamper.configured(ctx.settings());
    DossierExporter exporter = new DossierExporter(ctx.database(), ctx.blobs(), ctx.clock(), tsa)
        .withPdf(vn.minhchung.review.export.AppendixPdf.configured(ctx.settings()))
        .withForm(vn.minhchung.review.export.DocumentForm.of(ctx.settings()));
    Path target = out.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    ExportSummary s;
    try (OutputStream o = Files.newOutputStream(part)) {
      s = exporter.export(request, o);
    } catch (ExportException e) {
      Files.deleteIfExists(part);
      throw new CliException(switch (e.reason()) {
        case BAD_REQUEST -> ExitCodes.BAD_INPUT;
        case MISSING_DATA -> ExitCodes.PROBLEMS;
        case OUTSIDE -> ExitCodes.OUTSIDE_FAILURE;
      }, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    ExportSummary summary = s;
    ctx.database().runInTransaction(session -> ExportRecord.append(session, ctx.clock().instant(), ACTOR, request, summary));
    spec.commandLine().getOut().println("Đã xuất hồ sơ minh chứng " + target + ": " + s.evidence() + " minh chứng, "
        + s.files() + " tệp, " + DossierText.count(s.bytes()) + " byte, " + s.auditEvents() + " sự kiện nhật ký; SHA-256 của "
        + "manifest: " + s.manifestSha256() + (s.timestamped() ? "; có dấu thời gian RFC 3161 từ " + tsa.get().url() : "") + ".");
    spec.commandLine().getOut().println("Đầu chuỗi nhật ký (audit head): " + s.auditHead()
        .map(h -> "sự kiện " + h.eventId() + ", hash " + h.hash()).orElse("không có sự kiện") + ". Đã ghi vào nhật ký "
        + "(" + ExportRecord.ACTION + "); giữ hai giá trị này ngoài tệp ZIP để đối chiếu (verify --against-db).");
    return ExitCodes.OK;
  }

  private static Optional<LocalDate> day(String option, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DossierText.parseDate(text));
    } catch (DateTimeParseException e) {
      throw CliException.badInput(option + ": expected a date as dd/MM/yyyy (e.g. 15/11/2026), found '" + text + "'");
    }
  }
}
