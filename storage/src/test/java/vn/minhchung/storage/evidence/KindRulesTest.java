package vn.minhchung.storage.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.minhchung.config.registry.EvidenceKind;

class KindRulesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "video      | Phóng sự: Bắc Ninh tăng tốc chuyển đổi số năm 2026                  | CLIP",
      "video      | Clip infographic 3D: Chuyển đổi số tỉnh Bắc Ninh qua những con số    | INFOGRAPHIC_3D",
      "video      | Video đồ họa 3D về Luật Chuyển đổi số                              | INFOGRAPHIC_3D",
      "video      | Trình diễn công nghệ in 3D tại Techfest Bắc Ninh 2026               | CLIP",
      "video      |                                                                    | CLIP",
      "post       | Infographic: 10 kết quả chuyển đổi số nổi bật quý I/2026            | INFOGRAPHIC_2D",
      "post       | Bộ ĐỒ HỌA THÔNG TIN về dịch vụ công trực tuyến                      | INFOGRAPHIC_2D",
      "post       | Hội nghị triển khai Kế hoạch chuyển đổi số năm 2026                 | POST",
      "post       | Thông tin về infographics sắp ra mắt                                | INFOGRAPHIC_2D",
      "article    | Infographic: Bắc Ninh dẫn đầu chỉ số chuyển đổi số                  | ARTICLE",
      "page_watch | Ngày Chuyển đổi số quốc gia                                        | BANNER_DAY"})
  void givesEachPostTheKindItsShapeAndTextSay(String postKind, String text, EvidenceKind expected) {
    assertThat(KindRules.of(postKind, text)).isEqualTo(expected);
  }
}
