package vn.minhchung.review.progress;

import java.time.LocalDate;
import java.util.Optional;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.review.queue.PostFlags;

/**
 * Whether one linked evidence item counts toward one target, and if not why. It counts when it is approved
 * behind a confirmed link, of the target's component, of its kind (when the target names one), within its
 * duration bounds (when it has any) and dated within the item's time (from the plan's issue to the item's
 * deadline). Evidence of another component is relevant only when it has the kind the target asks for.
 */
record TargetRule(int component, EvidenceKind kind, Integer minSeconds, Integer maxSeconds, LocalDate from,
    LocalDate to) {

  /** True when the evidence belongs in the target's list at all (counted or with a reason). */
  boolean relevant(LinkedEvidence l) {
    return l.component() == component || kind != null && kind.code().equals(l.kind());
  }

  /** True when the evidence is of the kind the target asks for (any kind when it names none). */
  boolean ofKind(LinkedEvidence l) {
    return kind == null || kind.code().equals(l.kind());
  }

  /** Empty when the evidence counts, else the first reason it does not. */
  Optional<String> reason(LinkedEvidence l) {
    if (l.component() != component) {
      return Optional.of("đang ở thành phần " + l.component() + ", chỉ tiêu thuộc thành phần " + component);
    }
    if (!ofKind(l)) {
      String is = EvidenceKind.of(l.kind()).map(EvidenceKind::label).orElse("chưa rõ");
      return Optional.of("loại " + is + ", chỉ tiêu cần " + kind.label());
    }
    if (minSeconds != null || maxSeconds != null) {
      if (l.durationSeconds() == null) {
        return Optional.of("chưa biết thời lượng");
      }
      if (!l.fits(minSeconds, maxSeconds)) {
        return Optional.of("thời lượng " + clock(l.durationSeconds()) + " ngoài khoảng " + bounds());
      }
    }
    if (PostFlags.outsidePeriod(l.occurredAt(), from, to)) {
      return Optional.of("ngày đăng ngoài thời gian của nhiệm vụ");
    }
    if ("rejected".equals(l.status())) {
      return Optional.of("đã bị từ chối");
    }
    if (!"approved".equals(l.status())) {
      return Optional.of("chưa duyệt");
    }
    if (!"confirmed".equals(l.linkState())) {
      return Optional.of("liên kết đề xuất chưa xác nhận");
    }
    return Optional.empty();
  }

  /** "5–10 phút", "từ 5 phút", "đến 10 phút"; whole minutes when they are, else m:ss. */
  String bounds() {
    return bounds(minSeconds, maxSeconds);
  }

  static String bounds(Integer minSeconds, Integer maxSeconds) {
    if (minSeconds != null && maxSeconds != null) {
      return minutes(minSeconds) + "–" + minutes(maxSeconds) + " phút";
    }
    return minSeconds != null ? "từ " + minutes(minSeconds) + " phút" : "đến " + minutes(maxSeconds) + " phút";
  }

  private static String minutes(int seconds) {
    return seconds % 60 == 0 ? Integer.toString(seconds / 60) : clock(seconds);
  }

  /** 452 → "7:32", 3725 → "1:02:05". */
  static String clock(int seconds) {
    int h = seconds / 3600;
    int m = seconds % 3600 / 60;
    int s = seconds % 60;
    return h > 0 ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  static EvidenceComponent componentOf(int n) {
    return EvidenceComponent.of(n).orElseThrow(() -> new IllegalStateException("target component " + n + " is not 1..6"));
  }
}
