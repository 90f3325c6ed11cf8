package vn.minhchung.review.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;

/**
 * The frame Nghị định 30/2020/NĐ-CP gives an administrative document, as far as the appendix needs it: the
 * governing and issuing agency (top left, with the number "Số: …/BC-…"), the place and date line (top right,
 * under the national title), the recipients ("Nơi nhận") and the signature block. Read from the settings
 * {@code export.form.*}; what is not set is printed as a dotted blank to fill in by hand, as the form leaves the
 * number and the day of signing to the office that issues the report.
 */
public record DocumentForm(Optional<String> parentAgency, Optional<String> agency, Optional<String> abbreviation,
    Optional<String> place, List<String> signerTitle, Optional<String> signerName, List<String> recipients) {

  /** What a blank field prints. */
  static final String BLANK = "……………";

  /** Nothing set: every field is a blank to fill in. */
  public static final DocumentForm EMPTY = new DocumentForm(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), List.of(), Optional.empty(), List.of());

  public DocumentForm {
    signerTitle = List.copyOf(signerTitle);
    recipients = List.copyOf(recipients);
  }

  /**
   * From {@code export.form.parentAgency}, {@code agency}, {@code abbreviation}, {@code place}, {@code signerTitle}
   * (lines separated by "|": "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"), {@code signerName} and {@code recipients} (separated by
   * ";").
   */
  public static DocumentForm of(Settings s) {
    return new DocumentForm(value(s, "export.form.parentAgency"), value(s, "export.form.agency"),
        value(s, "export.form.abbreviation"), value(s, "export.form.place"), split(s, "export.form.signerTitle", "\\|"),
        value(s, "export.form.signerName"), split(s, "export.form.recipients", ";"));
  }

  /** "Số:        /BC-SKHCN": the number is left for the office's register. */
  String numberLine() {
    return "Số:          /BC-" + abbreviation.orElse(BLANK);
  }

  /** "Bắc Ninh, ngày      tháng      năm 2026": the day of signing is written by hand. */
  String placeDateLine(int year) {
    return place.orElse(BLANK) + ", ngày        tháng        năm " + year;
  }

  /** The agency lines in capitals, as the form prints them. */
  String parentAgencyLine() {
    return parentAgency.map(DocumentForm::upper).orElse("");
  }

  String agencyLine() {
    return agency.map(DocumentForm::upper).orElse(BLANK);
  }

  List<String> signerTitleLines() {
    return signerTitle.isEmpty() ? List.of("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ")
        : signerTitle.stream().map(DocumentForm::upper).toList();
  }

  /** "- Như trên;" style lines, ending with "- Lưu: VT." as every dispatch does. */
  List<String> recipientLines() {
    List<String> out = new java.util.ArrayList<>();
    for (String r : recipients) {
      out.add("- " + r + ";");
    }
    if (recipients.stream().noneMatch(r -> r.startsWith("Lưu"))) {
      out.add("- Lưu: VT.");
    } else {
      String last = out.remove(out.size() - 1);
      out.add(last.substring(0, last.length() - 1) + ".");
    }
    return out;
  }

  private static String upper(String s) {
    return s.toUpperCase(new java.util.Locale("vi", "VN"));
  }

  private static Optional<String> value(Settings s, String key) {
    return s.get(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static List<String> split(Settings s, String key, String separator) {
    return value(s, key).map(v -> Arrays.stream(v.split(separator)).map(String::strip).filter(x -> !x.isEmpty())
        .toList()).orElse(List.of());
  }
}
