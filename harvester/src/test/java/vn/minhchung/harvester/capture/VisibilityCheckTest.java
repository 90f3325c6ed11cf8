package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisibilityCheckTest {
  static final String TEXT = "UBND tỉnh Hòa Bình\nHôm qua lúc 10:30 · 🌐\nTất cả cảm xúc: 1,2K\n345 bình luận · 56 lượt chia sẻ";

  @Test
  void allFactsVisible() {
    assertThat(VisibilityCheck.missing(ShownFacts.of("Hôm qua lúc 10:30",
        Map.of("reactions", "1.2K", "comments", "345", "shares", "56")), TEXT)).isEmpty();
  }

  @Test
  void namesEachMissingFact() {
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("reactions", "1,3K");
    counts.put("shares", "56");
    assertThat(VisibilityCheck.missing(ShownFacts.of("14 tháng 4 lúc 08:30", counts), TEXT))
        .containsExactly("ngày đăng \"14 tháng 4 lúc 08:30\"", "cảm xúc \"1,3K\"");
  }

  @Test
  void noFactsAtAllIsMissingBoth() {
    assertThat(VisibilityCheck.missing(ShownFacts.NONE, TEXT)).containsExactly("ngày đăng", "lượt tương tác");
  }
}
