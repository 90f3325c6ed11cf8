package vn.minhchung.harvester.capture;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.browser.RawCapture;

/** The words of the header band, in Vietnamese: what an inspector needs to read off the image alone. */
final class BandText {
  private BandText() {}

  static String title(Instant capturedAt) {
    OffsetDateTime at = capturedAt.atZone(Settings.ZONE).toOffsetDateTime();
    return "MINH CHỨNG · Ảnh chụp trang lúc " + CaptureManifest.SHOWN.format(at) + " (giờ Việt Nam)";
  }

  private static final java.time.format.DateTimeFormatter SECONDS =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", java.util.Locale.ROOT);

  /** The title of a watched page's band: the day of the period and whether the element was there. */
  static String title(CaptureRequest req, RawCapture raw) {
    if (req.watch().isEmpty()) {
      return title(raw.capturedAt());
    }
    PageWatch w = req.watch().get();
    OffsetDateTime at = raw.capturedAt().atZone(Settings.ZONE).toOffsetDateTime();
    return "MINH CHỨNG · Theo dõi banner ngày " + CaptureManifest.DAY.format(w.day())
        + w.periodDay().map(p -> " (" + p + ")").orElse("") + ": "
        + (raw.elementSelector().isPresent() ? "CÓ HIỂN THỊ" : "KHÔNG THẤY") + " · chụp lúc "
        + CaptureManifest.SHOWN.format(at);
  }

  static List<String[]> lines(CaptureRequest req, RawCapture raw, ShownFacts facts) {
    if (req.watch().isPresent()) {
      return watchLines(req, raw, req.watch().get());
    }
    List<String[]> out = head(req, raw);
    if (facts.postedAt().isPresent()) {
      out.add(line("Ngày đăng: ", CaptureManifest.SHOWN.format(facts.postedAt().get().atZone(Settings.ZONE))));
    } else {
      out.add(line("Ngày đăng (như hiển thị): ", facts.postedAtText().orElse("—")));
    }
    boolean viewsOnly = facts.counts().size() == 1 && facts.counts().containsKey("views");
    out.add(viewsOnly ? line("Lượt xem: ", grouped(facts.counts().get("views")))
        : line("Lượt tương tác: ", counts(facts.counts())));
    out.add(line("Mã minh chứng: ", req.evidenceId().map(String::valueOf).orElse("chưa gán")));
    return out;
  }

  /** A watched page: the element sought and whether it was found, the day of the period, no post date or counts. */
  private static List<String[]> watchLines(CaptureRequest req, RawCapture raw, PageWatch w) {
    List<String[]> out = head(req, raw);
    out.add(line("Ngày theo dõi: ", w.dayText()));
    out.add(line("Kết quả: ", raw.elementSelector().isPresent()
        ? "có hiển thị " + w.what() + " (khung giữa ảnh, kèm phần trang xung quanh)"
        : "KHÔNG THẤY " + w.what() + " trên trang (ảnh là phần đầu trang)"));
    out.add(line("Mã minh chứng: ", req.evidenceId().map(String::valueOf).orElse("chưa gán")));
    return out;
  }

  /** The lines every band starts with: when, where (and where it led), which channel. */
  private static List<String[]> head(CaptureRequest req, RawCapture raw) {
    OffsetDateTime at = raw.capturedAt().atZone(Settings.ZONE).toOffsetDateTime().withNano(0);
    List<String[]> out = new ArrayList<>();
    out.add(line("Thời điểm chụp: ", SECONDS.format(at) + " (giờ Việt Nam, UTC+07:00)"));
    out.add(line("Địa chỉ: ", req.url().toString()));
    if (!raw.finalUrl().equals(req.url().toString())) {
      out.add(line("Địa chỉ sau chuyển hướng: ", raw.finalUrl()));
    }
    out.add(line("Kênh: ", req.channelName().or(req::channelCode).orElse("—")));
    return out;
  }

  private static String counts(Map<String, String> counts) {
    if (counts.isEmpty()) {
      return "—";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(ShownFacts.label(k) + " " + grouped(v)));
    return String.join(" · ", parts);
  }

  /** An exact count as Vietnamese readers write it ("1848" → "1.848"); a count as the page showed it stays. */
  static String grouped(String count) {
    if (!count.matches("\\d{4,18}")) {
      return count;
    }
    return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(count)).replace(',', '.');
  }

  private static String[] line(String label, String value) {
    return new String[] {label, value};
  }
}
