package vn.minhchung.review.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the dossier is about: the plan, the items it covers, the filter applied and when it was made. */
record DossierInfo(String planCode, String planTitle, String issuer, LocalDate issuedOn, List<Item> items,
    String filterText, Instant generatedAt) {

  record Item(long id, String code, String title, String lead, String timing, LocalDate deadline) {
    String heading() {
      return code + ". " + title;
    }
  }

  /** One file of an evidence item inside the dossier, with its label ("Ảnh chụp bài đăng"). */
  record FileRef(String label, String path) {}

  /**
   * One evidence item as written: the row, its counts, its files, its thumbnail path (null when none), and the
   * proof image for the appendix (null when none; held only while this entry is written), and its flags in
   * people's words ("thời lượng ngoài khoảng", "ngày đăng ngoài thời gian của nhiệm vụ").
   */
  record Entry(int number, ExportRow row, ExportRow.Counts counts, List<FileRef> files, String thumbPath,
      Thumbnails.Thumb thumb, String mainSha256, Thumbnails.Proof proof, List<String> flags) {

    /** The flags joined for one line of text, empty when none. */
    String flagsText() {
      return String.join("; ", flags);
    }
  }
}
