package vn.minhchung.harvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;

class TextCapTest {
  private static HarvestedPost post(String title, String lead, String body) {
    return new HarvestedPost("https://bao.example/a", PostKind.ARTICLE, "https://bao.example/a", null, title, lead,
        body, null, null, null, null, null, null, Counts.NONE, Set.of("no_date"));
  }

  @ParameterizedTest(name = "\"{0}\" in {1} bytes → \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      Chuyển đổi số | 3  | Chu
      Chuyển đổi số | 4  | Chuy
      Chuyển đổi số | 6  | Chuy
      Chuyển đổi số | 7  | Chuyể
      Chuyển đổi số | 8  | Chuyển
      Số 🚀 hoá      | 8  | 'Số '
      Số 🚀 hoá      | 9  | 'Số 🚀'
      """)
  void cutsAtACharacterBoundaryWithinTheBytes(String text, int max, String expected) {
    String cut = TextCap.cut(text, max);
    assertThat(cut).isEqualTo(expected);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(max);
  }

  @Test
  void aPostWithinTheLimitIsLeftAlone() {
    HarvestedPost p = post("Tiêu đề", "Sapo", "Nội dung");
    assertThat(TextCap.apply(p, 1024)).isSameAs(p);
  }

  @Test
  void aLongBodyIsCutSoTitleLeadAndBodyFitTogetherAndThePostIsFlagged() {
    String body = "Chuyển đổi số ".repeat(700_000);
    HarvestedPost capped = TextCap.apply(post("Tiêu đề", "Sapo", body), 256 * 1024);
    assertThat(TextCap.textBytes(capped)).isLessThanOrEqualTo(256 * 1024).isGreaterThan(256 * 1024 - 4);
    assertThat(capped.title()).isEqualTo("Tiêu đề");
    assertThat(capped.lead()).isEqualTo("Sapo");
    assertThat(body).startsWith(capped.body());
    assertThat(capped.flags()).containsExactlyInAnyOrder("no_date", "text_truncated");
  }
}
