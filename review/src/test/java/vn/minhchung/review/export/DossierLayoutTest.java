package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DossierLayoutTest {
  @Test
  void itemCodesThatDifferOnlyByDdStayApartInFoldersAndAnchors() {
    assertThat(DossierLayout.segment("II.4.1.đ", "muc")).isEqualTo("II.4.1.dd");
    assertThat(DossierLayout.segment("II.4.1.d", "muc")).isEqualTo("II.4.1.d");
    assertThat(DossierLayout.segment("Đ/../..", "muc")).isEqualTo("DD-..-..");
  }

  @Test
  void socialPostsAreFiledByTheKindOfTheirChannel() {
    assertThat(DossierLayout.evidenceFolder("II.2", 2, "facebook_page")).isEqualTo("files/II.2/2-fanpage/");
    assertThat(DossierLayout.evidenceFolder("II.2", 2, "zalo_oa")).isEqualTo("files/II.2/2-zalo-oa/");
    assertThat(DossierLayout.evidenceFolder("II.2", 2, "youtube_channel")).isEqualTo("files/II.2/2-youtube/");
    assertThat(DossierLayout.evidenceFolder("II.2", 2, null)).isEqualTo("files/II.2/2-fanpage/");
    assertThat(DossierLayout.evidenceFolder("II.4.2.đ", 1, "news_site")).isEqualTo("files/II.4.2.dd/1-bao-dien-tu/");
  }
}
