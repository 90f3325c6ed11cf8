package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.minhchung.harvester.capture.browser.RawCapture;

/** The header band's lines: the harvested date and counts for every kind of page, the channel by its name. */
class BandTextTest {
  static final Instant CAPTURED = Instant.parse("2026-11-16T01:00:00Z");
  static final String URL = "https://baobacninh.vn/chuyen-doi-so/luat-chuyen-doi-so-1001.html";

  static Map<String, String> lines(CaptureRequest req) {
    RawCapture raw = new RawCapture(CAPTURED, URL, 200, Optional.empty(), Optional.empty(), Optional.empty(), "", "",
        Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), "1280x900");
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] l : BandText.lines(req, raw, req.expected())) {
      out.put(l[0], l[1]);
    }
    return out;
  }

  @Test
  void newsArticleBandShowsTheHarvestedDateViewsAndChannelName() {
    CaptureRequest req = CaptureRequest.of(URI.create(URL)).withChannel("WEB-BBN", "Báo Bắc Ninh điện tử")
        .withFacts(ShownFacts.known(Instant.parse("2026-11-15T02:15:00Z"), "Chủ Nhật, 15/11/2026 09:15",
            Map.of("views", "1848")));
    Map<String, String> band = lines(req);
    assertThat(band).containsEntry("Ngày đăng: ", "15/11/2026 09:15").containsEntry("Lượt xem: ", "1.848")
        .containsEntry("Kênh: ", "Báo Bắc Ninh điện tử");
    assertThat(band.keySet()).noneMatch(k -> k.contains("như hiển thị"));
    // The capture time as people read it, to the second, with its zone; no ISO text.
    assertThat(band).containsEntry("Thời điểm chụp: ", "16/11/2026 08:00:00 (giờ Việt Nam, UTC+07:00)");
  }

  @Test
  void postBandGroupsExactCountsAndKeepsShownOnes() {
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("reactions", "1200");
    counts.put("comments", "45");
    counts.put("shares", "88");
    CaptureRequest req = CaptureRequest.of(URI.create("https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat"))
        .withChannel("FB-TTBN", "Truyền thông tỉnh Bắc Ninh")
        .asPost(ShownFacts.known(Instant.parse("2026-07-02T01:30:00Z"), null, counts));
    assertThat(lines(req)).containsEntry("Lượt tương tác: ", "Cảm xúc 1.200 · Bình luận 45 · Chia sẻ 88")
        .containsEntry("Ngày đăng: ", "02/07/2026 08:30").containsEntry("Kênh: ", "Truyền thông tỉnh Bắc Ninh");

    CaptureRequest shown = CaptureRequest.of(URI.create("https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat"))
        .withChannel("FB-TTBN").asPost(ShownFacts.of("Hôm qua lúc 10:30", Map.of("reactions", "1,2K")));
    assertThat(lines(shown)).containsEntry("Lượt tương tác: ", "Cảm xúc 1,2K")
        .containsEntry("Ngày đăng (như hiển thị): ", "Hôm qua lúc 10:30").containsEntry("Kênh: ", "FB-TTBN");
  }

  @Test
  void pageWithNothingReadShowsDashes() {
    assertThat(lines(CaptureRequest.of(URI.create(URL)))).containsEntry("Ngày đăng (như hiển thị): ", "—")
        .containsEntry("Lượt tương tác: ", "—");
    assertThat(List.of(BandText.grouped("1848"), BandText.grouped("45"), BandText.grouped("1,2K")))
        .containsExactly("1.848", "45", "1,2K");
  }

  @Test
  void watchedPageBandNamesTheElementAndTheDayOfThePeriodWhetherFoundOrNot() {
    PageWatch w = new PageWatch(Optional.of("img[alt*='Ngày Chuyển đổi số quốc gia']"),
        Optional.of("Ngày Chuyển đổi số quốc gia"), java.time.LocalDate.of(2026, 10, 3),
        Optional.of(java.time.LocalDate.of(2026, 10, 1)), Optional.of(java.time.LocalDate.of(2026, 10, 10)));
    CaptureRequest req = CaptureRequest.of(URI.create("https://stttt.thanhhoa.gov.vn/")).withChannel("TH-BANNER",
        "Cổng TTĐT Sở TT&TT Thanh Hóa").withWatch(w).linkedTo(12L, 3L, 40L);
    Instant at = Instant.parse("2026-10-03T01:00:00Z");
    RawCapture found = new RawCapture(at, "https://stttt.thanhhoa.gov.vn/", 200, Optional.empty(), Optional.empty(),
        Optional.of("img[alt*='Ngày Chuyển đổi số quốc gia']"), "", "", Optional.empty(), 0, 0, Optional.empty(),
        Optional.empty(), "1280x900");
    Map<String, String> band = new LinkedHashMap<>();
    BandText.lines(req, found, ShownFacts.NONE).forEach(l -> band.put(l[0], l[1]));
    assertThat(BandText.title(req, found))
        .isEqualTo("MINH CHỨNG · Theo dõi banner ngày 03/10/2026 (ngày thứ 3 trong 10): CÓ HIỂN THỊ · chụp lúc 03/10/2026 08:00");
    assertThat(band).containsEntry("Ngày theo dõi: ", "ngày thứ 3 trong 10 (03/10/2026; đợt 01/10/2026–10/10/2026)")
        .containsEntry("Kết quả: ", "có hiển thị phần tử 'img[alt*='Ngày Chuyển đổi số quốc gia']' và dòng chữ "
            + "\"Ngày Chuyển đổi số quốc gia\" (khung giữa ảnh, kèm phần trang xung quanh)")
        .containsEntry("Mã minh chứng: ", "40");
    assertThat(band.keySet()).noneMatch(k -> k.startsWith("Ngày đăng") || k.startsWith("Lượt"));

    RawCapture missing = new RawCapture(at, "https://stttt.thanhhoa.gov.vn/", 200, Optional.empty(), Optional.empty(),
        Optional.empty(), "", "", Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), "1280x900");
    assertThat(BandText.title(req, missing)).contains("ngày 03/10/2026 (ngày thứ 3 trong 10): KHÔNG THẤY");
    assertThat(BandText.lines(req, missing, ShownFacts.NONE)).anySatisfy(l -> assertThat(l[1])
        .startsWith("KHÔNG THẤY phần tử 'img[alt*='Ngày Chuyển đổi số quốc gia']'").endsWith("(ảnh là phần đầu trang)"));
  }
}
