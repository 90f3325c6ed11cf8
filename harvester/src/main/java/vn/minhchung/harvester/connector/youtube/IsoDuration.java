package vn.minhchung.harvester.connector.youtube;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads YouTube's ISO-8601 durations ({@code PT7M32S}, {@code PT1H2M}, {@code P1DT2H}) as seconds. */
public final class IsoDuration {
  private static final Pattern P = Pattern.compile(
      "P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:\\.\\d+)?S)?)?");

  private IsoDuration() {}

  /**
   * Seconds, or empty when the text is not a duration or is zero: {@code P0D} is what YouTube gives for live
   * and upcoming streams, whose length is not known yet.
   */
  public static Optional<Integer> seconds(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = P.matcher(text.strip());
    if (!m.matches() || text.strip().equals("P") || text.strip().endsWith("T")) {
      return Optional.empty();
    }
    long s = part(m, 1) * 7 * 86_400 + part(m, 2) * 86_400 + part(m, 3) * 3_600 + part(m, 4) * 60 + part(m, 5);
    return s <= 0 || s > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) s);
  }

  private static long part(Matcher m, int group) {
    String g = m.group(group);
    return g == null ? 0 : Long.parseLong(g);
  }
}
