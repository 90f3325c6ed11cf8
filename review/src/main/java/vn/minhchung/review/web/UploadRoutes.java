package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.review.upload.UploadRejected;
import vn.minhchung.review.upload.UploadRequest;
import vn.minhchung.review.upload.Uploads;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.PlanItem;

/** The upload form for manual evidence (components 3–6) and its handler. */
final class UploadRoutes {
  private final Ui ui;

  UploadRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/upload", ctx -> {
      Ui.reviewer(ctx);
      form(ctx, "", 200);
    });
    app.post("/upload", this::upload);
  }

  private void form(Context ctx, String error, int status) {
    Page page = ui.page(ctx, "Tải lên minh chứng", "upload");
    ctx.status(status);
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("items", s.createSelectionQuery("from PlanItem i join fetch i.plan order by i.plan.code, i.position", PlanItem.class)
          .getResultList());
      m.put("components", Uploads.components());
      m.put("error", error);
      m.put("maxMb", ui.config.uploadMaxBytes() / (1024 * 1024));
      m.put("selectedItem", ctx.queryParam("item") == null ? "" : ctx.queryParam("item"));
      ui.render(ctx, "upload.jte", page, m);
    });
  }

  private void upload(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null) {
      form(ctx, "Chưa chọn tệp.", 400);
      return;
    }
    if (file.size() > ui.config.uploadMaxBytes()) {
      form(ctx, "Tệp quá lớn: tối đa " + ui.config.uploadMaxBytes() / (1024 * 1024) + " MB.", 413);
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ui.config.uploadMaxBytes() + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read upload", e);
    }
    UploadRequest r;
    try {
      String occurred = ctx.formParam("occurred");
      r = new UploadRequest(bytes, file.filename(), Integer.parseInt(param(ctx, "component", "0")),
          Long.parseLong(param(ctx, "item", "0")), ctx.formParam("title"),
          occurred == null || occurred.isBlank() ? null : LocalDate.parse(occurred), ctx.formParam("note"));
    } catch (NumberFormatException | DateTimeParseException e) {
      form(ctx, "Thành phần, nhiệm vụ hoặc ngày không hợp lệ.", 400);
      return;
    }
    try {
      Evidence e = ui.db.inTransaction(s -> Uploads.store(s, ui.blobs, r, ui.config.uploadMaxBytes(), user.name(), ui.now()));
      Ui.redirect(ctx, "/evidence/" + e.getId(), "Đã tải lên " + e.getFileName() + " và liên kết với nhiệm vụ; minh chứng đang chờ duyệt.");
    } catch (UploadRejected e) {
      form(ctx, e.getMessage(), e.status());
    }
  }

  private static String param(Context ctx, String name, String dflt) {
    String v = ctx.formParam(name);
    return v == null || v.isBlank() ? dflt : v.trim();
  }
}
