package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryException;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.review.upload.ContentSniffer;
import vn.minhchung.review.upload.FileType;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.RegistryImport;
import vn.minhchung.storage.registry.RegistryImportException;
import vn.minhchung.storage.registry.RegistryStore;
import vn.minhchung.storage.registry.Unit;

/**
 * "Danh mục" (admin): the registry as stored, and "Nhập danh mục từ Excel": a workbook is checked with the file
 * import's rules ({@link RegistryFile}) and every problem shown with its sheet, row and column before anything
 * is written; a clean workbook is shown as a summary, kept in the blob store by its SHA-256, and applied on
 * confirmation in one transaction ({@link RegistryStore#importDocument}, each change audited).
 */
final class RegistryRoutes {
  private final Ui ui;

  RegistryRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/registry", ctx -> {
      Ui.admin(ctx);
      show(ctx, ui.page(ctx, "Danh mục", "registry"), List.of(), null, 200);
    });
    app.post("/registry/import", this::check);
    app.post("/registry/apply", this::apply);
  }

  private void show(Context ctx, Page page, List<RegistryView.Problem> problems, RegistryView.Preview preview, int status) {
    ctx.status(status);
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("units", s.createSelectionQuery("from Unit u left join fetch u.parent order by u.name", Unit.class).getResultList());
      m.put("plans", s.createSelectionQuery("select distinct p from Plan p left join fetch p.items order by p.code", Plan.class)
          .getResultList());
      m.put("problems", problems);
      m.put("preview", preview);
      ui.render(ctx, "registry.jte", page, m);
    });
  }

  private void check(Context ctx) {
    Ui.admin(ctx);
    Page page = ui.page(ctx, "Danh mục", "registry");
    UploadedFile file = ctx.uploadedFile("workbook");
    if (file == null || file.size() == 0) {
      show(ctx, page.withError("Chưa chọn tệp Excel (.xlsx)."), List.of(), null, 400);
      return;
    }
    if (file.size() > RegistryFile.MAX_XLSX_BYTES) {
      show(ctx, page.withError("Tệp Excel quá lớn: tối đa " + RegistryFile.MAX_XLSX_BYTES / (1024 * 1024) + " MB."),
          List.of(), null, 413);
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes((int) RegistryFile.MAX_XLSX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded workbook", e);
    }
    if (ContentSniffer.detect(bytes).filter(t -> t == FileType.XLSX).isEmpty()) {
      show(ctx, page.withError("Tệp “" + file.filename() + "” không phải bảng tính Excel (.xlsx)."), List.of(), null, 415);
      return;
    }
    String name = vn.minhchung.review.upload.FileNames.sanitize(file.filename(), FileType.XLSX);
    RegistryDocument doc;
    try {
      doc = parse(name, bytes);
    } catch (RegistryException e) {
      List<RegistryView.Problem> problems = e.problems().stream().map(RegistryView.Problem::of).toList();
      show(ctx, page.withError("Tệp " + name + " có " + problems.size() + " lỗi; chưa ghi gì vào danh mục. Sửa các ô dưới đây"
          + " rồi tải lên lại."), problems, null, 422);
      return;
    }
    BlobRef ref = ui.blobs.put(bytes, FileType.XLSX.mediaType());
    ui.db.runInTransaction(s -> BlobStore.record(s, ref, ui.now()));
    show(ctx, page, List.of(), new RegistryView.Preview(ref.sha256(), name, doc.units().size(), doc.channels().size(), doc.plans().size(),
        doc.itemCount(), doc.targetCount()), 200);
  }

  private void apply(Context ctx) {
    WebUser user = Ui.admin(ctx);
    Page page = ui.page(ctx, "Danh mục", "registry");
    String sha = ctx.formParam("sha") == null ? "" : ctx.formParam("sha").trim();
    String name = ctx.formParam("name") == null ? "danh-muc.xlsx" : ctx.formParam("name");
    if (!BlobStore.isSha256(sha) || !ui.blobs.exists(sha)) {
      show(ctx, page.withError("Không còn tệp đã kiểm tra; hãy tải tệp Excel lên lại."), List.of(), null, 400);
      return;
    }
    byte[] bytes = ui.blobs.read(sha);
    RegistryImport result;
    try {
      // Checked again: the database may have changed since the preview (a unit removed, a code taken).
      RegistryDocument doc = parse(name, bytes);
      result = new RegistryStore(ui.db, ui.clock).importDocument(doc, user.name());
    } catch (RegistryException e) {
      show(ctx, page.withError("Tệp " + name + " có " + e.problems().size() + " lỗi; chưa ghi gì vào danh mục."),
          e.problems().stream().map(RegistryView.Problem::of).toList(), null, 422);
      return;
    } catch (RegistryImportException e) {
      show(ctx, page.withError("Không nhập được danh mục; chưa ghi gì. Chi tiết: " + e.getMessage()), List.of(), null, 422);
      return;
    }
    ui.db.runInTransaction(s -> AuditLog.append(s, ui.now(), user.name(), "registry.import", "registry", name, null,
        Json.of("workbook", name, "sha256", sha, "units", result.units(), "channels", result.channels(),
            "plans", result.plans())));
    Ui.redirect(ctx, "/registry", "Đã nhập danh mục từ " + name + ": " + result.units() + " đơn vị, " + result.channels()
        + " kênh, " + result.plans() + " kế hoạch (" + result.items() + " nhiệm vụ, " + result.targets() + " chỉ tiêu); "
        + result.created() + " mục mới, " + result.updated() + " mục cập nhật.");
  }

  private RegistryDocument parse(String name, byte[] bytes) {
    return RegistryFile.parse(name, bytes, true, new RegistryStore(ui.db, ui.clock).unitCodes());
  }
}
