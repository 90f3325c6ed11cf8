package vn.minhchung.review.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import vn.minhchung.storage.post.MetricSnapshot;

/** A small line chart of interaction counts over time, drawn as inline SVG polylines (no script). */
public record CountsChart(int width, int height, List<Series> series, String firstLabel, String lastLabel, long max) {

  /** One count kind: its Vietnamese name, CSS class, SVG points and latest value. */
  public record Series(String name, String cssClass, String points, Long last) {}

  static final int W = 560;
  static final int H = 160;
  static final int PAD = 8;

  public static CountsChart of(List<MetricSnapshot> snaps) {
    List<Series> series = new ArrayList<>();
    long max = 1;
    for (MetricSnapshot m : snaps) {
      for (Long v : new Long[] {m.getReactions(), m.getComments(), m.getShares(), m.getViews(), m.getLikes()}) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    add(series, snaps, "Lượt tương tác", "s-reactions", MetricSnapshot::getReactions, max);
    add(series, snaps, "Bình luận", "s-comments", MetricSnapshot::getComments, max);
    add(series, snaps, "Chia sẻ", "s-shares", MetricSnapshot::getShares, max);
    add(series, snaps, "Lượt xem", "s-views", MetricSnapshot::getViews, max);
    add(series, snaps, "Lượt thích", "s-likes", MetricSnapshot::getLikes, max);
    String first = snaps.isEmpty() ? "" : Fmt.dateTime(snaps.get(0).getObservedAt());
    String last = snaps.isEmpty() ? "" : Fmt.dateTime(snaps.get(snaps.size() - 1).getObservedAt());
    return new CountsChart(W, H, series, first, last, max);
  }

  private static void add(List<Series> out, List<MetricSnapshot> snaps, String name, String css,
      Function<MetricSnapshot, Long> value, long max) {
    if (snaps.stream().map(value).allMatch(v -> v == null)) {
      return;
    }
    Instant t0 = snaps.get(0).getObservedAt();
    long span = Math.max(1, snaps.get(snaps.size() - 1).getObservedAt().getEpochSecond() - t0.getEpochSecond());
    StringBuilder pts = new StringBuilder();
    Long last = null;
    for (MetricSnapshot m : snaps) {
      Long v = value.apply(m);
      if (v == null) {
        continue;
      }
      double x = snaps.size() == 1 ? W / 2.0 : PAD + (W - 2.0 * PAD) * (m.getObservedAt().getEpochSecond() - t0.getEpochSecond()) / span;
      double y = H - PAD - (H - 2.0 * PAD) * v / max;
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      last = v;
    }
    out.add(new Series(name, css, pts.toString().trim(), last));
  }
}
