package vn.minhchung.config.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalises Vietnamese text. {@link #nfc} is how text is stored; {@link #fold} is how it is searched and
 * matched: NFC, then diacritics removed, đ/Đ → d, lower case, punctuation → space, spaces collapsed, and the
 * common abbreviations expanded, so "CĐS", "chuyen doi so" and "Chuyển đổi số" all fold to the same words.
 */
public final class VietnameseText {
  private VietnameseText() {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Abbreviations staff and pages use, folded form → folded expansion. Keys are whole words after folding
   * (so "KH&CN" folds to "kh cn" and is matched as a phrase).
   */
  public static final Map<String, String> ABBREVIATIONS = abbreviations();

  private static Map<String, String> abbreviations() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cds", "chuyen doi so");
    m.put("kh cn", "khoa hoc va cong nghe");
    m.put("khcn", "khoa hoc va cong nghe");
    m.put("nq 57", "nghi quyet 57");
    m.put("nq57", "nghi quyet 57");
    m.put("ubnd", "uy ban nhan dan");
    m.put("hdnd", "hoi dong nhan dan");
    m.put("vhttdl", "van hoa the thao va du lich");
    m.put("tt tt", "thong tin va truyen thong");
    m.put("tttt", "thong tin va truyen thong");
    m.put("cqs", "chinh quyen so");
    m.put("ktxh", "kinh te xa hoi");
    m.put("ai", "tri tue nhan tao");
    return m;
  }

  /** NFC, with null kept as null; text is stored in this form. */
  public static String nfc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** Removes diacritics (and đ → d) without changing case or punctuation. */
  public static String stripDiacritics(String s) {
    if (s == null) {
      return null;
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    d = MARKS.matcher(d).replaceAll("");
    return d.replace('đ', 'd').replace('Đ', 'D');
  }

  /** Folded words without abbreviation expansion: lower case, no diacritics, single spaces. */
  public static String foldPlain(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String d = stripDiacritics(s).toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(d).replaceAll(" ").trim();
  }

  /** Folded words with the abbreviations of {@link #ABBREVIATIONS} expanded (the abbreviation is kept too). */
  public static String fold(String s) {
    String plain = foldPlain(s);
    if (plain.isEmpty()) {
      return plain;
    }
    String padded = " " + plain + " ";
    StringBuilder extra = new StringBuilder();
    for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
      if (padded.contains(" " + e.getKey() + " ")) {
        extra.append(' ').append(e.getValue());
      }
    }
    return extra.length() == 0 ? plain : plain + extra;
  }

  /** The folded words of a query, each abbreviation replaced by its expansion (for AND-of-words search). */
  public static List<String> queryTerms(String query) {
    String plain = foldPlain(query);
    if (plain.isEmpty()) {
      return List.of();
    }
    String padded = " " + plain + " ";
    for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
      padded = padded.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
    }
    List<String> terms = new ArrayList<>();
    for (String w : padded.trim().split(" ")) {
      if (!w.isEmpty() && !terms.contains(w)) {
        terms.add(w);
      }
    }
    return terms;
  }
}
