package vn.minhchung.harvester.capture;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.capture.social.CommonSelectors;
import vn.minhchung.harvester.capture.social.FacebookSelectors;

/**
 * Decides whether a loaded page is the content or a wall/error, from what the browser saw. Pure: the
 * browser code gathers {@link Seen}, this class judges it.
 */
public final class PageVerdict {
  private PageVerdict() {}

  /**
   * What the browser saw once the page was prepared. {@code loginPopupLeft}: a login pop-up is still shown
   * after the close attempt; {@code accountControls}: the session is logged in.
   */
  public record Seen(int httpStatus, URI finalUrl, String title, String bodyText, boolean loginPopupLeft,
      boolean accountControls, boolean needsLogin) {}

  /** A status and its Vietnamese detail. */
  public record Verdict(CaptureStatus status, String detail) {}

  /** Empty when the page looks like the content. */
  public static Optional<Verdict> judge(Seen s) {
    if (s.httpStatus() == 404 || s.httpStatus() == 410) {
      return Optional.of(new Verdict(CaptureStatus.NOT_FOUND, "máy chủ trả về HTTP " + s.httpStatus()));
    }
    if (s.httpStatus() >= 400) {
      return Optional.of(new Verdict(CaptureStatus.ERROR, "máy chủ trả về HTTP " + s.httpStatus()));
    }
    String path = s.finalUrl().getPath() == null ? "" : s.finalUrl().getPath();
    if (path.equals(FacebookSelectors.LOGIN_PATH) || path.startsWith(FacebookSelectors.LOGIN_PATH + "/")
        || path.startsWith("/login.php")) {
      return Optional.of(new Verdict(CaptureStatus.LOGIN_WALL, "trang chuyển hướng tới trang đăng nhập "
          + s.finalUrl()));
    }
    if (path.equals(FacebookSelectors.CHECKPOINT_PATH) || path.startsWith(FacebookSelectors.CHECKPOINT_PATH + "/")) {
      return Optional.of(new Verdict(CaptureStatus.LOGIN_WALL, "trang chuyển tới bước xác minh tài khoản (checkpoint) "
          + s.finalUrl()));
    }
    String folded = VietnameseText.foldPlain(s.bodyText());
    String foldedTitle = VietnameseText.foldPlain(s.title() == null ? "" : s.title()).toLowerCase(Locale.ROOT);
    if (CommonSelectors.CAPTCHA_TITLES.stream().anyMatch(t -> foldedTitle.contains(VietnameseText.foldPlain(t)))
        || CommonSelectors.CAPTCHA_TEXTS.stream().anyMatch(t -> folded.contains(VietnameseText.foldPlain(t)))) {
      return Optional.of(new Verdict(CaptureStatus.LOGIN_WALL, "trang đòi giải captcha / kiểm tra bảo mật"));
    }
    if (s.loginPopupLeft()) {
      return Optional.of(new Verdict(CaptureStatus.LOGIN_WALL, "hộp đăng nhập che nội dung và không đóng được"));
    }
    if (s.needsLogin() && !s.accountControls()) {
      return Optional.of(new Verdict(CaptureStatus.LOGIN_WALL,
          "cần đăng nhập: không thấy điều khiển tài khoản (nhập phiên đăng nhập bằng lệnh 'session import facebook FILE')"));
    }
    String text = VietnameseText.foldPlain(s.bodyText());
    for (String t : CommonSelectors.UNAVAILABLE_TEXTS) {
      if (text.contains(VietnameseText.foldPlain(t))) {
        return Optional.of(new Verdict(CaptureStatus.UNAVAILABLE, "trang báo \"" + t + "\""));
      }
    }
    String title = VietnameseText.foldPlain(s.title() == null ? "" : s.title()).toLowerCase(Locale.ROOT);
    for (String t : CommonSelectors.ERROR_TITLES) {
      if (title.contains(VietnameseText.foldPlain(t))) {
        return Optional.of(new Verdict(CaptureStatus.ERROR, "trang lỗi: \"" + s.title() + "\""));
      }
    }
    if (s.bodyText().isBlank()) {
      return Optional.of(new Verdict(CaptureStatus.ERROR, "trang trắng: không có chữ nào hiển thị"));
    }
    return Optional.empty();
  }
}
