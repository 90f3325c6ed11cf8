package vn.minhchung.config.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Chuyển đổi số | chuyen doi so",
      "ĐỔI MỚI SÁNG TẠO | doi moi sang tao",
      "Sở KH&CN Bắc Ninh | so kh cn bac ninh khoa hoc va cong nghe",
      "Luật Chuyển đổi số 148/2025/QH15 | luat chuyen doi so 148 2025 qh15",
      "  Ngày   Chuyển đổi số quốc gia 10/10!  | ngay chuyen doi so quoc gia 10 10",
  })
  void foldsDiacriticsCasePunctuationAndExpandsAbbreviations(String input, String expected) {
    assertThat(VietnameseText.fold(input)).isEqualTo(expected);
  }

  @Test
  void nfdAndNfcFoldTheSame() {
    String nfd = Normalizer.normalize("Chuyển đổi số", Normalizer.Form.NFD);
    assertThat(nfd).isNotEqualTo("Chuyển đổi số");
    assertThat(VietnameseText.nfc(nfd)).isEqualTo("Chuyển đổi số");
    assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold("Chuyển đổi số"));
  }

  @Test
  void queryTermsReplaceAnAbbreviationByItsWords() {
    assertThat(VietnameseText.queryTerms("CĐS")).containsExactly("chuyen", "doi", "so");
    assertThat(VietnameseText.queryTerms("chuyen doi so Bắc Ninh")).containsExactly("chuyen", "doi", "so", "bac", "ninh");
    assertThat(VietnameseText.fold("Tuyên truyền CĐS")).contains("chuyen doi so");
  }
}
