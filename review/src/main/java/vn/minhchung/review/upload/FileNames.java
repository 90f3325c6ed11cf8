package vn.minhchung.review.upload;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.minhchung.config.text.VietnameseText;

/**
 * Makes a submitted file name safe to store and show: only the last path segment (no "../", no drive or
 * directory), NFC, letters/digits/space/.-_() only, no leading dot, at most 120 characters, and ending with
 * the extension of the type found in the content.
 */
public final class FileNames {
  private FileNames() {}

  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._()\\-]");
  static final int MAX = 120;

  public static String sanitize(String submitted, FileType type) {
    String name = submitted == null ? "" : VietnameseText.nfc(submitted);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = UNSAFE.matcher(name).replaceAll("_").replaceAll("\\s+", " ").trim();
    name = name.replaceAll("^[. ]+", "");
    String ext = "." + type.extension();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(ext) || (type == FileType.JPEG && lower.endsWith(".jpeg"))) {
      name = name.substring(0, name.lastIndexOf('.'));
    }
    name = name.replaceAll("[. ]+$", "");
    if (name.isEmpty()) {
      name = "tep-tai-len";
    }
    if (name.length() > MAX - ext.length()) {
      name = name.substring(0, MAX - ext.length());
    }
    return name + ext;
  }
}
