package vn.minhchung.review.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.review.queue.SearchText;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceFile;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * Turns an accepted upload into evidence: checks each file's size and type by content, stores the bytes as
 * blobs, creates one evidence item (source {@code uploaded}, pending review) whose main file is the first and
 * whose further files are {@link EvidenceFile}s, with a confirmed manual link to each chosen item, and audits
 * it. Any component 1–6 may be uploaded (a hand-made screenshot of a post, a newspaper page as PDF …).
 */
public final class Uploads {
  private Uploads() {}

  /** A file checked by content, ready to store. */
  public record Accepted(byte[] content, FileType type, String name) {}

  /**
   * Checks one file: not empty, within {@code maxBytes}, of an accepted type by content.
   * @throws UploadRejected naming the file and what to do
   */
  public static Accepted check(UploadRequest.Part p, long maxBytes) {
    String shown = p.submittedName() == null || p.submittedName().isBlank() ? "tệp" : "“" + p.submittedName() + "”";
    if (p.content().length == 0) {
      throw new UploadRejected(400, "Chưa chọn tệp hoặc tệp " + shown + " rỗng.");
    }
    if (p.content().length > maxBytes) {
      throw new UploadRejected(413, String.format(Locale.ROOT, "Tệp %s quá lớn: %,d byte, tối đa %,d byte (%d MB).",
          shown, p.content().length, maxBytes, maxBytes / (1024 * 1024)).replace(',', '.'));
    }
    FileType type = ContentSniffer.detect(p.content()).orElseThrow(() -> new UploadRejected(415,
        "Nội dung tệp " + shown + " không phải PDF, JPEG, PNG, DOCX, XLSX hoặc video MP4 (kiểm tra theo nội dung,"
            + " không theo tên tệp)."));
    return new Accepted(p.content(), type, FileNames.sanitize(p.submittedName(), type));
  }

  public static Evidence store(Session s, BlobStore blobs, UploadRequest r, long maxBytes, String actor, Instant now) {
    if (r.files().isEmpty()) {
      throw new UploadRejected(400, "Chưa chọn tệp.");
    }
    List<Accepted> files = new ArrayList<>();
    for (UploadRequest.Part p : r.files()) {
      files.add(check(p, maxBytes));
    }
    if (EvidenceComponent.of(r.component()).isEmpty()) {
      throw new UploadRejected(400, "Chọn thành phần minh chứng (1 đến 6).");
    }
    List<PlanItem> items = items(s, r.itemIds());
    String title = VietnameseText.nfc(r.title() == null ? "" : r.title().trim());
    if (title.isEmpty()) {
      throw new UploadRejected(400, "Nhập mô tả ngắn cho minh chứng (ví dụ: Trang 3 báo Bắc Ninh số ra ngày 10/10/2026).");
    }
    String docKind = r.docKind() == null || r.docKind().isBlank() ? null : r.docKind();
    if (docKind != null && DocKind.fromCode(docKind).isEmpty()) {
      throw new UploadRejected(400, "Loại tài liệu không hợp lệ; chọn trong danh sách.");
    }
    Unit unit = r.unitId() == null ? items.get(0).getLead() : s.find(Unit.class, r.unitId());
    if (unit == null) {
      throw new UploadRejected(400, "Đơn vị đã chọn không có trong danh mục.");
    }
    Accepted main = files.get(0);
    BlobRef ref = put(s, blobs, main, now);
    Evidence e = new Evidence(r.component(), "uploaded", title.length() > 2000 ? title.substring(0, 2000) : title, now);
    e.setBlobSha(ref.sha256());
    e.setFileName(main.name());
    e.setMediaType(main.type().mediaType());
    e.setNote(r.note() == null || r.note().isBlank() ? null : VietnameseText.nfc(r.note().trim()));
    e.setUnit(unit);
    e.setDocKind(docKind);
    e.setOccurredAt((r.occurredOn() == null ? now.atZone(Settings.ZONE).toLocalDate() : r.occurredOn())
        .atStartOfDay(Settings.ZONE).toInstant());
    e.setOccurredDateOnly(true);
    e.setCreatedBy(actor);
    SearchText.refresh(e);
    s.persist(e);
    List<String> names = new ArrayList<>(List.of(main.name()));
    for (Accepted more : files.subList(1, files.size())) {
      BlobRef b = put(s, blobs, more, now);
      s.persist(new EvidenceFile(e, b.sha256(), more.name(), more.type().mediaType(), more.content().length, actor, now));
      names.add(more.name());
    }
    for (PlanItem item : items) {
      s.persist(new EvidenceLink(e, item, "manual", "confirmed", null, actor, now));
    }
    s.flush();
    AuditLog.append(s, now, actor, "evidence.upload", "evidence", e.getId().toString(), null,
        "{\"file\":" + quote(String.join(", ", names)) + ",\"sha256\":\"" + ref.sha256() + "\",\"component\":"
            + r.component() + ",\"docKind\":" + quote(DocKind.labelOf(docKind)) + ",\"unit\":" + quote(unit.getName())
            + ",\"item\":" + quote(String.join(", ", items.stream().map(i -> i.getPlan().getCode() + " " + i.getCode())
                .toList())) + "}");
    return e;
  }

  /**
   * Adds files (a screenshot, a signed minute …) to an existing evidence item, audited as {@code evidence.file.add}.
   * @return the stored names
   */
  public static List<String> addFiles(Session s, BlobStore blobs, Evidence e, List<UploadRequest.Part> parts,
      long maxBytes, String actor, Instant now) {
    if (parts.isEmpty()) {
      throw new UploadRejected(400, "Chưa chọn tệp.");
    }
    List<Accepted> files = new ArrayList<>();
    for (UploadRequest.Part p : parts) {
      files.add(check(p, maxBytes));
    }
    List<String> names = new ArrayList<>();
    for (Accepted a : files) {
      BlobRef b = put(s, blobs, a, now);
      s.persist(new EvidenceFile(e, b.sha256(), a.name(), a.type().mediaType(), a.content().length, actor, now));
      names.add(a.name());
    }
    e.setUpdatedAt(now);
    s.flush();
    AuditLog.append(s, now, actor, "evidence.file.add", "evidence", e.getId().toString(), null,
        "{\"file\":" + quote(String.join(", ", names)) + "}");
    return names;
  }

  private static BlobRef put(Session s, BlobStore blobs, Accepted a, Instant now) {
    BlobRef ref = blobs.put(a.content(), a.type().mediaType());
    BlobStore.record(s, ref, now);
    return ref;
  }

  private static List<PlanItem> items(Session s, List<Long> ids) {
    List<PlanItem> items = new ArrayList<>();
    for (Long id : new java.util.LinkedHashSet<>(ids)) {
      PlanItem item = s.find(PlanItem.class, id);
      if (item == null) {
        throw new UploadRejected(400, "Nhiệm vụ #" + id + " không có trong danh mục; chọn lại nhiệm vụ.");
      }
      items.add(item);
    }
    if (items.isEmpty()) {
      throw new UploadRejected(400, "Chọn nhiệm vụ mà minh chứng này chứng minh.");
    }
    return items;
  }

  /** Component names for the upload form. */
  public static java.util.List<EvidenceComponent> components() {
    return java.util.Arrays.stream(EvidenceComponent.values()).toList();
  }

  private static String quote(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
