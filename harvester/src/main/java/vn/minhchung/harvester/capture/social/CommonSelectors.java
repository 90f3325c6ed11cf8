package vn.minhchung.harvester.capture.social;

import java.util.List;

/** Selectors and texts that are not tied to one platform: consent dialogs, content elements, error texts. */
public final class CommonSelectors {
  private CommonSelectors() {}

  /**
   * Consent and cookie buttons, clicked when visible. Vietnamese portals use "Đồng ý"/"Chấp nhận" inside a
   * dialog or a cookie banner; buttons of the same text elsewhere on a page are left alone.
   */
  public static final List<String> CONSENT_BUTTONS = consentButtons();

  private static List<String> consentButtons() {
    List<String> out = new java.util.ArrayList<>(List.of("[aria-label*='Allow' i][role=button]",
        "button[aria-label*='Allow' i]", "#onetrust-accept-btn-handler"));
    String scope = ":is([role=dialog], [role=alertdialog], [id*=cookie i], [class*=cookie i], [id*=consent i], "
        + "[class*=consent i])";
    for (String text : List.of("Đồng ý", "Chấp nhận", "Chấp nhận tất cả", "Tôi đồng ý", "Cho phép tất cả cookie",
        "Accept all", "Accept")) {
      out.add(scope + " :is(button, a, [role=button]):text-is('" + text + "')");
    }
    return List.copyOf(out);
  }

  /** Tried in order when the caller gives no selector: the post, the article, the main content. */
  public static final List<String> CONTENT = List.of("[aria-posinset]", "[role=article]", "article", "main",
      "[role=main]", "#content", "body");

  /** Texts of pages that are not the content (folded comparison, see {@code VietnameseText.fold}). */
  public static final List<String> UNAVAILABLE_TEXTS = List.of("nội dung này hiện không khả dụng",
      "nội dung không khả dụng", "this content isn't available", "trang này không khả dụng");
  /** Texts of a captcha or security-check page (folded comparison): the title, or these words in the body. */
  public static final List<String> CAPTCHA_TITLES = List.of("captcha", "kiểm tra bảo mật", "security check");
  public static final List<String> CAPTCHA_TEXTS = List.of("nhập mã captcha", "xác minh bạn không phải là rô-bốt",
      "i'm not a robot", "enter the characters you see");
  public static final List<String> ERROR_TITLES = List.of("404 not found", "không tìm thấy trang",
      "trang không tồn tại", "page not found", "502 bad gateway", "503 service unavailable",
      "internal server error");
}
