package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts read shortened from a page ("1,2K") are shown as approximate in the dossier, never as exact numbers. */
class ApproximateCountsTest {

  @Test
  void aShortenedCountIsShownAsAboutItsShownValue() {
    ExportRow.Counts fromPage = new ExportRow.Counts(1200L, 86L, 41L, 2500L, null,
        Map.of("reactions", 1299L, "views", 2599L));
    assertThat(IndexHtml.interactions(fromPage))
        .isEqualTo("khoảng 1.200 lượt thích, 86 bình luận, 41 chia sẻ, khoảng 2.500 lượt xem");
    ExportRow.Counts exact = new ExportRow.Counts(1234L, 57L, null, null, null, Map.of());
    assertThat(IndexHtml.interactions(exact)).isEqualTo("1.234 lượt thích, 57 bình luận");
  }
}
