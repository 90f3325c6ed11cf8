package vn.minhchung.review.upload;

import java.time.Instant;
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
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Turns an accepted upload into evidence: checks size and type by content, stores the bytes as a blob, creates
 * the evidence (source {@code uploaded}, pending review) with a confirmed manual link to the chosen item, and
 * audits it. Only components 3–6 are uploaded; 1 and 2 come from harvesting.
 */
public final class Uploads {
  private Uploads() {}

  public static Evidence store(Session s, BlobStore blobs, UploadRequest r, long maxBytes, String actor, Instant now) {
    if (r.content().length == 0) {
      throw new UploadRejected(400, "Chưa chọn tệp hoặc tệp rỗng.");
    }
    if (r.content().length > maxBytes) {
      throw new UploadRejected(413, String.format(Locale.ROOT, "Tệp quá lớn: %,d byte, tối đa %,d byte (%d MB).",
          r.content().length, maxBytes, maxBytes / (1024 * 1024)).replace(',', '.'));
    }
    FileType type = ContentSniffer.detect(r.content()).orElseThrow(() -> new UploadRejected(415,
        "Nội dung tệp không phải PDF, JPEG, PNG, DOCX hoặc XLSX (kiểm tra theo nội dung, không theo tên tệp)."));
    if (r.component() < 3 || r.component() > 6) {
      throw new UploadRejected(400, "Chỉ tải lên minh chứng thành phần 3–6; thành phần 1 và 2 được thu thập tự động.");
    }
    PlanItem item = s.find(PlanItem.class, r.itemId());
    if (item == null) {
      throw new UploadRejected(400, "Chọn nhiệm vụ mà minh chứng này chứng minh.");
    }
    String title = VietnameseText.nfc(r.title() == null ? "" : r.title().trim());
    if (title.isEmpty()) {
      throw new UploadRejected(400, "Nhập mô tả ngắn cho minh chứng (ví dụ: Trang 3 báo Bắc Ninh số ra ngày 10/10/2026).");
    }
    String name = FileNames.sanitize(r.submittedName(), type);
    BlobRef ref = blobs.put(r.content(), type.mediaType());
    BlobStore.record(s, ref, now);
    Evidence e = new Evidence(r.component(), "uploaded", title.length() > 2000 ? title.substring(0, 2000) : title, now);
    e.setBlobSha(ref.sha256());
    e.setFileName(name);
    e.setMediaType(type.mediaType());
    e.setNote(r.note() == null || r.note().isBlank() ? null : VietnameseText.nfc(r.note().trim()));
    e.setUnit(item.getLead());
    e.setOccurredAt(r.occurredOn() == null ? now : r.occurredOn().atStartOfDay(Settings.ZONE).toInstant());
    e.setCreatedBy(actor);
    SearchText.refresh(e);
    s.persist(e);
    s.persist(new EvidenceLink(e, item, "manual", "confirmed", null, actor, now));
    s.flush();
    AuditLog.append(s, now, actor, "evidence.upload", "evidence", e.getId().toString(), null,
        "{\"file\":" + quote(name) + ",\"sha256\":\"" + ref.sha256() + "\",\"component\":" + r.component()
            + ",\"item\":" + quote(item.getPlan().getCode() + " " + item.getCode()) + "}");
    return e;
  }

  /** Component names for the upload form. */
  public static java.util.List<EvidenceComponent> components() {
    return java.util.Arrays.stream(EvidenceComponent.values()).filter(c -> c.number() >= 3).toList();
  }

  private static String quote(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
