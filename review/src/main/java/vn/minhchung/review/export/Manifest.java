package vn.minhchung.review.export;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;

/**
 * The manifest in {@code sha256sum} format: one {@code <hex>  <path>} line per file of the dossier except the
 * manifest itself and its timestamp token, so {@code sha256sum -c manifest-sha256.txt} works after unzipping.
 */
public final class Manifest {
  private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S.*)");

  private Manifest() {}

  public static String line(byte[] sha256, String path) {
    return HexFormat.of().formatHex(sha256) + "  " + path + "\n";
  }

  /** Parsed manifest: path → hex digest in file order, plus the lines that did not parse. */
  public record Parsed(Map<String, String> entries, List<String> problems) {}

  public static Parsed parse(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty() && i == lines.length - 1) {
        continue;
      }
      Matcher m = LINE.matcher(l);
      if (!m.matches()) {
        problems.add(DossierLayout.MANIFEST + ":" + (i + 1) + ": expected '<sha256 hex>  <path>', found '" + abbreviate(l) + "'");
      } else if (entries.putIfAbsent(m.group(2), m.group(1)) != null) {
        problems.add(DossierLayout.MANIFEST + ":" + (i + 1) + ": " + m.group(2) + " is listed twice");
      }
    }
    return new Parsed(entries, problems);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
