package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisibilityCheckTest {
  static final String TEXT = "UBND tỉnh Hòa Bình\nHôm qua lúc 10:30 · 🌐\nTất cả cảm xúc: 1,2K\n345 bình luận · 56 lượt chia sẻ";
  /** Captured at 10:00 on 23/11/2026 in Hà Nội. */
  static final Instant CAPTURED = Instant.parse("2026-11-23T03:00:00Z");
  /** Facebook Graph created_time "2026-11-22T12:05:00+0000": 19:05 on 22/11 in Hà Nội. */
  static final Instant POSTED = Instant.parse("2026-11-22T12:05:00Z");

  static ShownFacts api(Instant postedAt, String postedAtText, Map<String, Long> counts) {
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    counts.forEach((k, v) -> shown.put(k, Long.toString(v)));
    return ShownFacts.known(postedAt, postedAtText, shown);
  }

  static String post(String date, String reactions) {
    return "Sở Thông tin và Truyền thông tỉnh Hòa Bình\n" + date + " · 🌐\nHội nghị chuyển đổi số năm 2026.\n"
        + "Tất cả cảm xúc:\n" + reactions + "\n25 bình luận · 8 lượt chia sẻ";
  }

  @Test
  void pageFactsVisibleWhateverTheSeparator() {
    assertThat(VisibilityCheck.missing(ShownFacts.of("Hôm qua lúc 10:30",
        Map.of("reactions", "1.2K", "comments", "345", "shares", "56")), TEXT, CAPTURED)).isEmpty();
  }

  @Test
  void namesEachMissingFactWhenOnlyTheTextIsKnown() {
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("reactions", "1,5K");
    counts.put("shares", "56");
    assertThat(VisibilityCheck.missing(ShownFacts.of("14 tháng 4 lúc 08:30", counts), TEXT, CAPTURED))
        .containsExactly("ngày đăng \"14 tháng 4 lúc 08:30\"", "cảm xúc \"1,5K\"");
  }

  @Test
  void noFactsAtAllIsMissingBoth() {
    assertThat(VisibilityCheck.missing(ShownFacts.NONE, TEXT, CAPTURED)).containsExactly("ngày đăng", "lượt tương tác");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "22 tháng 11 lúc 19:05", "22 tháng 11", "22 tháng 11, 2026 lúc 19:05", "22/11/2026", "Thứ Bảy, 22/11/2026 - 19:05",
      "Hôm qua lúc 19:05", "15 giờ", "22 thg 11, 2026"})
  void graphDateMatchesTheDayThePageShows(String shown) {
    ShownFacts facts = api(POSTED, "2026-11-22T12:05:00+0000", Map.of("reactions", 1444L));
    assertThat(VisibilityCheck.missing(facts, post(shown, "1,4K"), CAPTURED)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"21 tháng 11 lúc 19:05", "23/11/2026", "Hôm nay lúc 08:00", "2 ngày",
      "Hôm kia", "''"})
  void wrongOrNoDayIsMissing(String shown) {
    ShownFacts facts = api(POSTED, "2026-11-22T12:05:00+0000", Map.of("reactions", 1444L));
    assertThat(VisibilityCheck.missing(facts, post(shown, "1,4K"), CAPTURED)).containsExactly("ngày đăng 22/11/2026");
  }

  @Test
  void zaloEpochMillisMatchTheShownDay() {
    Instant created = Instant.ofEpochMilli(1_794_997_800_000L);
    ShownFacts facts = api(created, "1794997800000", Map.of("views", 1444L, "shares", 8L));
    String page = "Cổng thông tin tỉnh Hòa Bình\n18/11/2026 17:30\nBài viết mới\n1.444 lượt xem · 8 chia sẻ";
    assertThat(VisibilityCheck.missing(facts, page, CAPTURED)).isEmpty();
  }

  @Test
  void oneHourAgoJustAfterMidnightStillMatchesYesterdaysPost() {
    Instant posted = OffsetDateTime.parse("2026-11-22T23:50+07:00").toInstant();
    Instant captured = OffsetDateTime.parse("2026-11-23T01:40+07:00").toInstant();
    assertThat(VisibilityCheck.missing(api(posted, null, Map.of("reactions", 1444L)), post("1 giờ", "1,4K"), captured))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1,4K", "1.444", "1,4 N", "1,4 nghìn", "1444", "1,5K", "1.580"})
  void exactCountMatchesRoundedOrGrownDisplay(String shown) {
    ShownFacts facts = api(POSTED, null, Map.of("reactions", 1444L));
    assertThat(VisibilityCheck.missing(facts, post("22 tháng 11 lúc 19:05", shown), CAPTURED)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"2,1K", "1,2K", "1.300", "1.700", "14K", "Thích"})
  void countFarOffOrSmallerOrAbsentIsMissing(String shown) {
    ShownFacts facts = api(POSTED, null, Map.of("reactions", 1444L));
    assertThat(VisibilityCheck.missing(facts, post("22 tháng 11 lúc 19:05", shown), CAPTURED))
        .containsExactly("cảm xúc \"1444\"");
  }

  @Test
  void zeroCountNeedNotBeShown() {
    ShownFacts facts = api(POSTED, null, Map.of("reactions", 1444L, "shares", 0L));
    String page = "22 tháng 11 lúc 19:05\nTất cả cảm xúc: 1,4K";
    assertThat(VisibilityCheck.missing(facts, page, CAPTURED)).isEmpty();
  }

  @Test
  void datesAndTimesAreNotCounts() {
    assertThat(VisibilityCheck.countsIn("22/11/2026 lúc 19:05 · 22-11-2026")).isEmpty();
    ShownFacts facts = api(POSTED, null, Map.of("comments", 22L));
    assertThat(VisibilityCheck.missing(facts, "22/11/2026 19:05", CAPTURED)).containsExactly("bình luận \"22\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Tất cả cảm xúc: 1,2K | 1150 | 1299", "1,2K người thích | 1150 | 1299", "56 lượt chia sẻ | 56 | 56",
      "2,5 N | 2450 | 2599", "1,2 Tr lượt xem | 1150000 | 1299999", "45K lượt xem | 44500 | 45999",
      "1.234 | 1234 | 1234", "3 triệu | 2500000 | 3999999", "7 nghìn | 6500 | 7999"})
  void readsShownCountsWithTheirPrecision(String text, long low, long high) {
    assertThat(VisibilityCheck.countsIn(text)).containsExactly(new VisibilityCheck.ShownCount(low, high));
  }

  @Test
  void readsCountsThatInnerTextGluedToAWordAndTruncatedShortForms() {
    // Chromium's innerText joins adjacent inline boxes; Facebook shows 1,890 as "1,8K".
    assertThat(VisibilityCheck.countsIn("141 bình luận258 lượt chia sẻ"))
        .containsExactly(new VisibilityCheck.ShownCount(141, 141), new VisibilityCheck.ShownCount(258, 258));
    ShownFacts facts = api(POSTED, null, Map.of("reactions", 1890L, "shares", 258L));
    assertThat(VisibilityCheck.missing(facts, "22 tháng 11 lúc 19:05\nTất cả cảm xúc:\n 1,8K\n141 bình luận258 lượt chia sẻ",
        CAPTURED)).isEmpty();
    assertThat(VisibilityCheck.missing(api(POSTED, null, Map.of("reactions", 1950L)), "22 tháng 11 lúc 19:05 · 1,8K",
        CAPTURED)).containsExactly("cảm xúc \"1950\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hôm qua lúc 10:30 | 2026-11-19T10:30+07:00",
      "Hôm nay lúc 08:00 | 2026-11-20T08:00+07:00",
      "14 tháng 4 lúc 08:30 | 2026-04-14T08:30+07:00",
      "24 tháng 12 lúc 19:00 | 2025-12-24T19:00+07:00",
      "3 tháng 5, 2024 | 2024-05-03T00:00+07:00",
      "2 giờ | 2026-11-20T08:15+07:00",
      "5 phút | 2026-11-20T10:10+07:00",
      "3 ngày | 2026-11-17T10:15+07:00",
      "20/10/2026 | 2026-10-20T00:00+07:00",
      "Vừa xong | 2026-11-20T10:15+07:00"})
  void readsShownDatesRelativeToTheCapture(String shown, String expected) {
    Instant now = OffsetDateTime.parse("2026-11-20T10:15+07:00").toInstant();
    List<Instant> found = VisibilityCheck.datesIn("UBND tỉnh\n" + shown + " · 🌐", now).stream()
        .map(VisibilityCheck.ShownDate::at).toList();
    assertThat(found).contains(OffsetDateTime.parse(expected).toInstant());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"31 tháng 2 lúc 10:00", "Hôm kia", "''", "tháng 4"})
  void rejectsWhatIsNotADate(String shown) {
    assertThat(VisibilityCheck.datesIn(shown, Instant.parse("2026-11-20T03:15:00Z"))).isEmpty();
  }
}
