package vn.minhchung.harvester.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.capture.social.StopgapVietnameseCounts;

/**
 * Confirms that the captured element shows the post date and every count: the text is read from the
 * element's box in the browser, so what the check sees is what the screenshot shows.
 */
public final class VisibilityCheck {
  public static final String MISSING_DETAIL = "thiếu ngày đăng / lượt tương tác";

  private VisibilityCheck() {}

  /** The facts not found in {@code elementText}, as Vietnamese phrases; empty when all are visible. */
  public static List<String> missing(ShownFacts facts, String elementText) {
    List<String> out = new ArrayList<>();
    String folded = squash(VietnameseText.foldPlain(elementText));
    if (facts.postedAtText().isEmpty()) {
      out.add("ngày đăng");
    } else if (!folded.contains(squash(VietnameseText.foldPlain(facts.postedAtText().get())))) {
      out.add("ngày đăng \"" + facts.postedAtText().get() + "\"");
    }
    if (facts.counts().isEmpty()) {
      out.add("lượt tương tác");
    }
    for (Map.Entry<String, String> c : facts.counts().entrySet()) {
      if (!StopgapVietnameseCounts.visibleIn(c.getValue(), elementText)) {
        out.add(ShownFacts.label(c.getKey()).toLowerCase(java.util.Locale.ROOT) + " \"" + c.getValue() + "\"");
      }
    }
    return out;
  }

  /** The status detail for a capture with missing facts. */
  public static String detail(List<String> missing) {
    return MISSING_DETAIL + " (không thấy: " + String.join(", ", missing) + ")";
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
