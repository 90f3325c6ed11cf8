package vn.minhchung.review.export;

import java.util.regex.Pattern;
import vn.minhchung.config.text.VietnameseText;

/**
 * Names inside the dossier ZIP. Names from the database (item codes, uploaded file names) are never trusted:
 * they are folded to ASCII and reduced to {@code [a-z0-9._-]}, so no entry can climb out of its folder.
 */
public final class DossierLayout {
  public static final String INDEX = "index.html";
  public static final String XLSX = "minh-chung.xlsx";
  public static final String DOCX = "phu-luc-minh-chung.docx";
  /** The appendix as PDF, when LibreOffice made it ({@link AppendixPdf}). */
  public static final String PDF = "phu-luc-minh-chung.pdf";
  public static final String MANIFEST = "manifest-sha256.txt";
  public static final String TIMESTAMP = "manifest-sha256.tsr";
  /** The banner series of watched pages, as data ({@code verify} checks it against each day's capture.json). */
  public static final String BANNER_SERIES = "theo-doi-banner.json";
  public static final String AUDIT_EVENTS = "audit/audit-events.jsonl";
  public static final String AUDIT_CHAIN = "audit/audit-chain.txt";

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");
  private static final int MAX_NAME = 80;

  private DossierLayout() {}

  /** Folder of a component, e.g. {@code 2-fanpage}. */
  public static String componentFolder(int component) {
    return switch (component) {
      case 1 -> "1-bao-dien-tu";
      case 2 -> "2-fanpage";
      case 3 -> "3-bao-in";
      case 4 -> "4-phat-song";
      case 5 -> "5-an-pham";
      case 6 -> "6-tap-huan";
      default -> throw new IllegalArgumentException("evidence component " + component + " is not 1..6");
    };
  }

  /**
   * The folder of one evidence item's files: {@code files/II.2/2-fanpage/}; posts of component 2 are filed by
   * the kind of channel they come from ({@code 2-zalo-oa}, {@code 2-youtube}; {@code channelKind} may be null).
   */
  public static String evidenceFolder(String itemCode, int component, String channelKind) {
    String folder = componentFolder(component);
    if (component == 2 && channelKind != null) {
      folder = switch (channelKind) {
        case "zalo_oa" -> "2-zalo-oa";
        case "youtube_channel" -> "2-youtube";
        case "facebook_page" -> folder;
        default -> "2-mang-xa-hoi";
      };
    }
    return "files/" + segment(itemCode, "muc") + "/" + folder + "/";
  }

  /** {@code 0007}: the evidence id, zero-padded so files sort in order. */
  public static String number(long evidenceId) {
    String digits = Long.toString(evidenceId);
    return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
  }

  /**
   * One safe path segment from untrusted text: diacritics folded, anything outside {@code [A-Za-z0-9._-]}
   * replaced by '-', no leading dots (so never "." or ".."), at most 80 characters keeping the extension.
   */
  public static String segment(String untrusted, String fallback) {
    // "đ" becomes "dd" (as Vietnamese typists write it) so that II.4.1.đ and II.4.1.d stay apart.
    String s = untrusted == null ? "" : VietnameseText.stripDiacritics(VietnameseText.nfc(untrusted)
        .replace("đ", "dd").replace("Đ", "DD"));
    s = UNSAFE.matcher(s).replaceAll("-").replaceAll("-{2,}", "-");
    s = s.replaceAll("^[.-]+", "").replaceAll("-+$", "");
    if (s.isEmpty()) {
      return fallback;
    }
    if (s.length() > MAX_NAME) {
      int dot = s.lastIndexOf('.');
      String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
      s = s.substring(0, MAX_NAME - ext.length()) + ext;
    }
    return s;
  }
}
