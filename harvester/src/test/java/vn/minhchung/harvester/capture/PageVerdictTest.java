package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import vn.minhchung.harvester.capture.PageVerdict.Seen;

class PageVerdictTest {
  static Seen seen(int status, String url, String title, String text, boolean popup, boolean account, boolean needs) {
    return new Seen(status, URI.create(url), title, text, popup, account, needs);
  }

  @Test
  void contentPageHasNoVerdict() {
    assertThat(PageVerdict.judge(seen(200, "https://hoabinh.gov.vn/tin/1", "Tin", "Nội dung", false, false, false)))
        .isEmpty();
  }

  @Test
  void gone410IsNotFound() {
    assertThat(PageVerdict.judge(seen(410, "https://a.vn/x", "", "x", false, false, false)).orElseThrow().status())
        .isEqualTo(CaptureStatus.NOT_FOUND);
  }

  @Test
  void serverErrorIsError() {
    assertThat(PageVerdict.judge(seen(503, "https://a.vn/x", "", "x", false, false, false)).orElseThrow().detail())
        .isEqualTo("máy chủ trả về HTTP 503");
  }

  @Test
  void facebookLoginRedirectIsAWall() {
    assertThat(PageVerdict.judge(seen(200, "https://www.facebook.com/login/?next=x", "Facebook", "Đăng nhập", false,
        false, false)).orElseThrow().status()).isEqualTo(CaptureStatus.LOGIN_WALL);
  }

  @Test
  void unavailableTextMatchesWithoutDiacritics() {
    assertThat(PageVerdict.judge(seen(200, "https://www.facebook.com/x", "Facebook",
        "NOI DUNG NAY HIEN KHONG KHA DUNG", false, false, false)).orElseThrow().status())
        .isEqualTo(CaptureStatus.UNAVAILABLE);
  }

  @Test
  void errorTitleWith200IsAnError() {
    assertThat(PageVerdict.judge(seen(200, "https://a.vn/x", "Không tìm thấy trang", "…", false, false, false))
        .orElseThrow().status()).isEqualTo(CaptureStatus.ERROR);
  }

  @Test
  void loggedInSessionPassesWhenLoginIsNeeded() {
    assertThat(PageVerdict.judge(seen(200, "https://www.facebook.com/x", "F", "bài", false, true, true))).isEmpty();
  }
}
