package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.review.export.DossierExporter;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.review.export.ExportException;
import vn.minhchung.review.export.ExportRecord;
import vn.minhchung.review.export.ExportRequest;
import vn.minhchung.review.export.ExportSummary;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.files.OwnerOnly;
import vn.minhchung.storage.files.TempFiles;

/**
 * {@code POST /dossier}: any signed-in user downloads a plan's dossier, made like the {@code export} command's
 * (same exporter, same time-stamp authority) into a temporary file under the data folder, streamed as an
 * attachment and deleted. A refused form or a failed export comes back as the dashboard with the reason.
 */
final class DossierRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DossierRoutes.class);
  /** Set on the download response to the form's token, so the page can tell the download has begun. */
  static final String DONE_COOKIE = "MC_DOSSIER";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{8,64}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmm", Locale.ROOT)
      .withZone(Settings.ZONE);

  private final Ui ui;
  private final DashboardRoutes dashboard;
  private final DossierExporter exporter;

  DossierRoutes(Ui ui, DashboardRoutes dashboard) {
    this.ui = ui;
    this.dashboard = dashboard;
    this.exporter = new DossierExporter(ui.db, ui.blobs, ui.clock, ui.config.timestamper())
        .withPdf(ui.config.appendixPdf()).withForm(ui.config.documentForm());
  }

  void register(Javalin app) {
    app.post("/dossier", this::download);
  }

  private void download(Context ctx) throws IOException {
    WebUser user = Ui.user(ctx);
    DossierForm form = DossierForm.of(ctx);
    List<String> problems = ui.db.inTransaction(form::problems);
    if (!problems.isEmpty()) {
      refuse(ctx, 400, form, problems);
      return;
    }
    ExportRequest request = form.request();
    Path dir = ui.config.dossierWorkDir();
    OwnerOnly.directory(dir);
    Path part = Files.createTempFile(dir, TempFiles.prefix("ho-so"), ".zip.part");
    try {
      ExportSummary summary;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
        summary = exporter.export(request, out);
      } catch (ExportException e) {
        LOG.warn("dossier of plan {} for {} failed: {}", request.planCode(), user.name(), e.getMessage(), e);
        refuse(ctx, switch (e.reason()) {
          case BAD_REQUEST -> 400;
          case MISSING_DATA -> 500;
          case OUTSIDE -> 502;
        }, form, List.of(message(e)));
        return;
      }
      ui.db.runInTransaction(s -> ExportRecord.append(s, ui.now(), user.name(), request, summary));
      send(ctx, part, fileName(request));
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private void send(Context ctx, Path zip, String name) throws IOException {
    String token = ctx.formParam("token");
    if (token != null && TOKEN.matcher(token).matches()) {
      ctx.cookie(new Cookie(DONE_COOKIE, token, "/", 120, false, 0, false, null, null, SameSite.STRICT));
    }
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.res().setContentLengthLong(Files.size(zip));
    try (InputStream in = Files.newInputStream(zip)) {
      OutputStream out = ctx.res().getOutputStream();
      in.transferTo(out);
      out.flush();
    }
  }

  /** {@code ho-so-minh-chung-110-KH-UBND-II.2-20261103-1000.zip}: plan, item, and when it was made. */
  String fileName(ExportRequest r) {
    return "ho-so-minh-chung-" + DossierLayout.segment(r.planCode(), "ke-hoach")
        + r.itemCode().map(i -> "-" + DossierLayout.segment(i, "muc")).orElse("") + "-" + STAMP.format(ui.now()) + ".zip";
  }

  private void refuse(Context ctx, int status, DossierForm form, List<String> problems) {
    ctx.status(status);
    dashboard.render(ctx, form.plan(), form, problems);
  }

  private static String message(ExportException e) {
    return switch (e.reason()) {
      case BAD_REQUEST -> "Không tạo được hồ sơ: kế hoạch, nhiệm vụ hoặc đơn vị đã chọn không còn trong danh mục. "
          + "Hãy tải lại trang và chọn lại.";
      case MISSING_DATA -> "Không tạo được hồ sơ: tệp lưu trữ của một minh chứng bị thiếu hoặc đã bị thay đổi. "
          + "Hãy báo quản trị viên khôi phục kho tệp từ bản sao lưu hoặc chụp lại minh chứng đó "
          + "(chi tiết trong nhật ký máy chủ).";
      case OUTSIDE -> "Không tạo được hồ sơ: máy chủ cấp dấu thời gian (tsa.url) không trả lời hoặc từ chối yêu cầu. "
          + "Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên kiểm tra cấu hình tsa.url.";
    };
  }
}
