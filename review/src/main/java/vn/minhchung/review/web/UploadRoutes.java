package vn.minhchung.review.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelRules;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.review.auth.WebUser;
import vn.minhchung.review.queue.SearchText;
import vn.minhchung.review.upload.DocKind;
import vn.minhchung.review.upload.UploadRejected;
import vn.minhchung.review.upload.UploadRequest;
import vn.minhchung.review.upload.Uploads;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * "Thêm minh chứng": a link of any page (a national newspaper's article, a post of an unregistered page) filed
 * with its component and items and captured at once through the harvester's capture service; an upload of one
 * or several files with unit, document kind and date; and further files added to an existing evidence item.
 */
final class UploadRoutes {
  static final int MAX_FILES = 10;
  private final Ui ui;

  UploadRoutes(Ui ui) {
    this.ui = ui;
  }

  void register(Javalin app) {
    app.get("/upload", ctx -> {
      Ui.reviewer(ctx);
      form(ctx, ui.page(ctx, "Thêm minh chứng", "upload"), ManualForm.forItem(ctx.queryParam("item")), "", 200);
    });
    app.post("/upload", this::upload);
    app.post("/evidence/link", this::addLink);
    app.post("/evidence/{id}/files", this::addFiles);
  }

  private void form(Context ctx, Page page, ManualForm typed, String which, int status) {
    ctx.status(status);
    ui.db.runInTransaction(s -> {
      Map<String, Object> m = new HashMap<>();
      m.put("items", s.createSelectionQuery("from PlanItem i join fetch i.plan order by i.plan.code, i.position", PlanItem.class)
          .getResultList());
      m.put("units", s.createSelectionQuery("from Unit u order by u.name", Unit.class).getResultList());
      m.put("components", Uploads.components());
      m.put("docKinds", List.of(DocKind.values()));
      m.put("f", typed);
      m.put("which", which);
      m.put("canCapture", ui.actions.isPresent());
      m.put("maxSize", Fmt.bytes(ui.config.uploadMaxBytes()));
      ui.render(ctx, "upload.jte", page, m);
    });
  }

  private void upload(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    ManualForm typed = ManualForm.of(ctx);
    Page page = ui.page(ctx, "Thêm minh chứng", "upload");
    try {
      List<UploadRequest.Part> parts = parts(ctx);
      UploadRequest r = new UploadRequest(parts, number(typed.component(), "thành phần"), ids(typed.items()),
          typed.unit().isBlank() ? null : (long) number(typed.unit(), "đơn vị"), typed.docKind(), typed.title(),
          day(typed.occurred()), typed.note());
      Evidence e = ui.db.inTransaction(s -> Uploads.store(s, ui.blobs, r, ui.config.uploadMaxBytes(), user.name(), ui.now()));
      Ui.redirect(ctx, "/evidence/" + e.getId(), parts.size() == 1
          ? "Đã tải lên " + e.getFileName() + " và liên kết với nhiệm vụ; minh chứng đang chờ duyệt."
          : "Đã tải lên " + parts.size() + " tệp thành một minh chứng và liên kết với nhiệm vụ; minh chứng đang chờ duyệt.");
    } catch (UploadRejected e) {
      form(ctx, page.withError(e.getMessage()), typed, "upload", e.status());
    }
  }

  private void addLink(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    ManualForm typed = ManualForm.of(ctx);
    Page page = ui.page(ctx, "Thêm minh chứng", "upload");
    HarvestActions actions = ui.actions.orElseThrow(() ->
        new WebError(503, "Chức năng chụp trang chưa được bật trên máy chủ này (máy chủ chạy không kèm lịch thu thập)."));
    try {
      String url = VietnameseText.nfc(typed.url().strip());
      URI uri = ChannelRules.httpUri(url).filter(u -> url.length() <= 2000).orElseThrow(() -> new UploadRejected(400,
          "Địa chỉ phải bắt đầu bằng http:// hoặc https:// và có tên miền, ví dụ https://vnexpress.net/bai-viet.html."));
      Optional<String> refused = actions.refusal(uri);
      if (refused.isPresent()) {
        throw new UploadRejected(400, "Không chụp được địa chỉ này: máy chủ của trang nằm trong mạng nội bộ. Quản trị"
            + " viên có thể cho phép bằng thiết lập http.allowHosts. Chi tiết: " + refused.get());
      }
      int component = number(typed.component(), "thành phần");
      if (EvidenceComponent.of(component).isEmpty()) {
        throw new UploadRejected(400, "Chọn thành phần minh chứng (1 đến 6).");
      }
      List<Long> itemIds = ids(typed.items());
      Long unitId = typed.unit().isBlank() ? null : (long) number(typed.unit(), "đơn vị");
      LocalDate posted = day(typed.occurred());
      long[] result = ui.db.inTransaction(s -> create(s, url, component, itemIds, unitId, posted, typed, user));
      if (result[1] == 0) {
        Ui.redirect(ctx, "/evidence/" + result[0], "Liên kết này đã có trong minh chứng #" + result[0]
            + "; không tạo thêm bản trùng.");
        return;
      }
      actions.captureAgain(result[0]);
      Ui.redirect(ctx, "/evidence/" + result[0], "Đã thêm liên kết và bắt đầu chụp trang; ảnh chụp sẽ xuất hiện khi"
          + " chụp xong. Minh chứng đang chờ duyệt.");
    } catch (UploadRejected e) {
      form(ctx, page.withError(e.getMessage()), typed, "link", e.status());
    }
  }

  /** {id, 1} for new evidence, {id, 0} for an existing item with this URL. */
  private long[] create(Session s, String url, int component, List<Long> itemIds, Long unitId, LocalDate posted,
      ManualForm typed, WebUser user) {
    Optional<Long> existing = s.createSelectionQuery("select e.id from Evidence e left join e.post p"
        + " where e.url = :u or p.url = :u order by e.id", Long.class).setParameter("u", url).setMaxResults(1)
        .uniqueResultOptional();
    if (existing.isPresent()) {
      return new long[] {existing.get(), 0};
    }
    List<PlanItem> items = new ArrayList<>();
    for (Long id : new java.util.LinkedHashSet<>(itemIds)) {
      PlanItem i = s.find(PlanItem.class, id);
      if (i == null) {
        throw new UploadRejected(400, "Nhiệm vụ #" + id + " không có trong danh mục; chọn lại nhiệm vụ.");
      }
      items.add(i);
    }
    if (items.isEmpty()) {
      throw new UploadRejected(400, "Chọn nhiệm vụ mà liên kết này chứng minh.");
    }
    Channel channel = channelOf(s, url);
    Unit unit = unitId != null ? s.find(Unit.class, unitId) : channel != null ? channel.getUnit() : items.get(0).getLead();
    if (unit == null) {
      throw new UploadRejected(400, "Đơn vị đã chọn không có trong danh mục.");
    }
    String title = VietnameseText.nfc(typed.title().strip());
    Evidence e = new Evidence(component, "manual", title.isEmpty() ? url : title.length() > 2000 ? title.substring(0, 2000) : title,
        ui.now());
    e.setUrl(url);
    e.setUnit(unit);
    e.setChannel(channel);
    if (posted != null) {
      e.setOccurredAt(posted.atStartOfDay(Settings.ZONE).toInstant());
      e.setOccurredDateOnly(true);
    }
    e.setNote(typed.note().isBlank() ? null : VietnameseText.nfc(typed.note().strip()));
    e.setCreatedBy(user.name());
    SearchText.refresh(e);
    s.persist(e);
    for (PlanItem i : items) {
      s.persist(new EvidenceLink(e, i, "manual", "confirmed", null, user.name(), ui.now()));
    }
    s.flush();
    AuditLog.append(s, ui.now(), user.name(), "evidence.link.add", "evidence", e.getId().toString(), null,
        Json.of("url", url, "component", component, "unit", unit.getName(),
            "item", String.join(", ", items.stream().map(i -> i.getPlan().getCode() + " " + i.getCode()).toList())));
    return new long[] {e.getId(), 1};
  }

  /** The registered channel whose address the page's address starts with (same host), if any. */
  private static Channel channelOf(Session s, String url) {
    URI page = URI.create(url);
    Channel best = null;
    for (Channel c : s.createSelectionQuery("from Channel c join fetch c.unit", Channel.class).getResultList()) {
      Optional<URI> cu = ChannelRules.httpUri(c.getUrl());
      if (cu.isPresent() && page.getHost().equalsIgnoreCase(cu.get().getHost())
          && url.startsWith(c.getUrl().replaceAll("/+$", "")) && (best == null || c.getUrl().length() > best.getUrl().length())) {
        best = c;
      }
    }
    return best;
  }

  private void addFiles(Context ctx) {
    WebUser user = Ui.reviewer(ctx);
    long id = Ui.pathId(ctx, "id");
    try {
      List<UploadRequest.Part> parts = parts(ctx);
      List<String> names = ui.db.inTransaction(s -> {
        Evidence e = s.find(Evidence.class, id);
        if (e == null) {
          throw WebError.notFound("minh chứng #" + id);
        }
        return Uploads.addFiles(s, ui.blobs, e, parts, ui.config.uploadMaxBytes(), user.name(), ui.now());
      });
      Ui.redirect(ctx, "/evidence/" + id, "Đã thêm " + (names.size() == 1 ? "tệp " + names.get(0) : names.size() + " tệp")
          + " vào minh chứng.");
    } catch (UploadRejected e) {
      throw new WebError(e.status(), e.getMessage() + " Quay lại trang minh chứng để chọn tệp khác.");
    }
  }

  private List<UploadRequest.Part> parts(Context ctx) {
    List<UploadedFile> files = ctx.uploadedFiles("file").stream().filter(f -> f.size() > 0 || !f.filename().isBlank()).toList();
    if (files.isEmpty()) {
      throw new UploadRejected(400, "Chưa chọn tệp.");
    }
    if (files.size() > MAX_FILES) {
      throw new UploadRejected(400, "Mỗi lần tải lên tối đa " + MAX_FILES + " tệp.");
    }
    List<UploadRequest.Part> parts = new ArrayList<>();
    for (UploadedFile file : files) {
      if (file.size() > ui.config.uploadMaxBytes()) {
        throw new UploadRejected(413, "Tệp “" + file.filename() + "” quá lớn: tối đa " + Fmt.bytes(ui.config.uploadMaxBytes())
            + " mỗi tệp.");
      }
      try (InputStream in = file.content()) {
        parts.add(new UploadRequest.Part(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ui.config.uploadMaxBytes() + 1)),
            file.filename()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read upload", e);
      }
    }
    return parts;
  }

  private static int number(String v, String what) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UploadRejected(400, "Chọn " + what + " trong danh sách.");
    }
  }

  private static List<Long> ids(List<String> values) {
    List<Long> out = new ArrayList<>();
    for (String v : values) {
      if (!v.isBlank()) {
        out.add((long) number(v, "nhiệm vụ"));
      }
    }
    return out;
  }

  private static LocalDate day(String v) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new UploadRejected(400, "Ngày “" + v + "” không hợp lệ; chọn ngày trong lịch.");
    }
  }
}
