package vn.minhchung.review.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.minhchung.storage.blob.BlobStore;

/**
 * Copies the files of one evidence item from the blob store into the dossier, checking on the way that each
 * blob still hashes to its name, and makes its thumbnail.
 */
final class EvidenceFiles {
  private final BlobStore blobs;
  private final DossierZip zip;

  EvidenceFiles(BlobStore blobs, DossierZip zip) {
    this.blobs = blobs;
    this.zip = zip;
  }

  /** A blob to copy: its SHA-256, the name suffix in the dossier and its Vietnamese label. */
  private record Part(String sha, String suffix, String label) {}

  DossierInfo.Entry write(int number, String itemCode, ExportRow r, ExportRow.Counts counts, List<String> flags,
      List<EvidenceQuery.MoreFile> more) throws IOException {
    String folder = DossierLayout.evidenceFolder(itemCode, r.component(), r.channelKind());
    String prefix = folder + DossierLayout.number(r.evidenceId()) + "-";
    List<Part> parts = new ArrayList<>();
    add(parts, r.screenshotSha(), "screenshot.png", "Ảnh chụp bài đăng");
    add(parts, r.fullpageSha(), "fullpage.png", "Ảnh chụp toàn trang");
    add(parts, r.blobSha(), uploadName(r), "Tệp tải lên" + (r.fileName() == null ? "" : ": " + r.fileName()));
    add(parts, r.htmlSha(), "page.html", "Trang HTML đã lưu");
    add(parts, r.warcSha(), "capture.warc.gz", "Bản lưu WARC");
    add(parts, r.jsonSha(), "capture.json", "Thông tin lần chụp (JSON)");
    int n = 0;
    for (EvidenceQuery.MoreFile f : more) {
      // Numbered so two added files of the same name stay apart.
      add(parts, f.sha(), "kem-" + (++n) + "-" + DossierLayout.segment(f.fileName(), "tep"), "Tệp kèm theo: " + f.fileName());
    }
    List<DossierInfo.FileRef> files = new ArrayList<>();
    for (Part p : parts) {
      String path = prefix + p.suffix();
      copy(p.sha(), path, r, p.label());
      files.add(new DossierInfo.FileRef(p.label(), path));
    }
    String imageSha = r.screenshotSha() != null ? r.screenshotSha()
        : r.blobSha() != null && r.mediaType() != null && r.mediaType().startsWith("image/") ? r.blobSha() : null;
    Thumbnails.Thumb thumb = null;
    String thumbPath = null;
    Thumbnails.Proof proof = null;
    if (imageSha != null) {
      proof = Thumbnails.proof(() -> blobs.open(imageSha)).orElse(null);
      Optional<Thumbnails.Thumb> t;
      try (InputStream in = blobs.open(imageSha)) {
        t = Thumbnails.of(in);
      }
      if (t.isPresent()) {
        thumb = t.get();
        thumbPath = "thumbs/" + DossierLayout.segment(itemCode, "muc") + "/" + DossierLayout.number(r.evidenceId()) + ".png";
        zip.put(thumbPath, thumb.png());
      }
    }
    String main = parts.isEmpty() ? null : parts.get(0).sha();
    return new DossierInfo.Entry(number, r, counts, files, thumbPath, thumb, main, proof, flags);
  }

  private static void add(List<Part> parts, String sha, String suffix, String label) {
    if (sha != null) {
      parts.add(new Part(sha.trim(), suffix, label));
    }
  }

  private void copy(String sha, String path, ExportRow r, String label) throws IOException {
    if (!BlobStore.isSha256(sha) || !blobs.exists(sha)) {
      throw new ExportException(ExportException.Reason.MISSING_DATA, "evidence " + r.evidenceId() + " (" + label
          + "): blob " + sha + " is missing from " + blobs.describe() + "; restore the blob store from backup or recapture");
    }
    byte[] digest;
    try (InputStream in = blobs.open(sha)) {
      digest = zip.put(path, in);
    }
    String actual = HexFormat.of().formatHex(digest);
    if (!actual.equals(sha)) {
      throw new ExportException(ExportException.Reason.MISSING_DATA, "evidence " + r.evidenceId() + " (" + label
          + "): blob " + sha + " in " + blobs.describe() + " has changed, its content hashes to " + actual
          + "; the dossier was not made");
    }
  }

  /** A readable, safe name for an upload: "tep-Bao-Bac-Ninh-trang-3.pdf", from the stored name or the media type. */
  static String uploadName(ExportRow r) {
    if (r.fileName() != null && !r.fileName().isBlank()) {
      return "tep-" + DossierLayout.segment(r.fileName(), "tep");
    }
    String type = r.mediaType() == null ? "" : r.mediaType().toLowerCase(Locale.ROOT);
    return "tep." + switch (type) {
      case "application/pdf" -> "pdf";
      case "image/png" -> "png";
      case "image/jpeg" -> "jpg";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
      default -> "bin";
    };
  }
}
