package vn.minhchung.review.link;

import java.time.LocalDate;
import java.util.Map;
import vn.minhchung.config.text.VietnameseText;

/**
 * Scores how well a text proves a plan item, in [0, 1]. A keyword phrase found as whole words (after folding:
 * no diacritics, lower case, abbreviations such as CĐS expanded in place) gives 0.6 — keywords are required,
 * since "chuyển đổi số" alone is in almost every post; a posting unit that leads or cooperates on the item
 * adds 0.25; a date inside the item's window adds 0.15 (0.075 when the date is unknown); a date outside the
 * window halves the score. With the default threshold 0.5 a keyword in the window suffices, a keyword outside
 * the window never does.
 */
public final class LinkScorer {
  private LinkScorer() {}

  static final double KEYWORD = 0.6;
  static final double UNIT = 0.25;
  static final double DATE = 0.15;

  /** Folded words with abbreviations expanded where they stand (so phrases match across "Luật CĐS"). */
  public static String normalize(String text) {
    String padded = " " + VietnameseText.foldPlain(text) + " ";
    for (Map.Entry<String, String> e : VietnameseText.ABBREVIATIONS.entrySet()) {
      padded = padded.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
    }
    return padded.trim();
  }

  /**
   * @param normalizedText the text through {@link #normalize}
   * @param unitCode the posting unit's code, or null
   * @param date the post date in Asia/Ho_Chi_Minh, or null when unknown
   */
  public static double score(ItemProfile item, String normalizedText, String unitCode, LocalDate date) {
    String padded = " " + normalizedText + " ";
    boolean keyword = item.keywords().stream().anyMatch(k -> padded.contains(" " + k + " "));
    if (!keyword) {
      return 0;
    }
    double s = KEYWORD;
    if (unitCode != null && item.unitCodes().contains(unitCode)) {
      s += UNIT;
    }
    if (date == null) {
      s += DATE / 2;
    } else if (item.inWindow(date)) {
      s += DATE;
    } else {
      s /= 2;
    }
    return s;
  }
}
