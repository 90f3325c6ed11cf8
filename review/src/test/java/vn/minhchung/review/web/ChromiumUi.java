package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The system Chromium for the review UI's browser tests, and a signed-in tab (vi-VN, Asia/Ho_Chi_Minh). */
final class ChromiumUi {
  private ChromiumUi() {}

  static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-gpu")));
  }

  /** A new context of the given viewport, signed in as {@code user} (password {@link TestServer#PASSWORD}). */
  static Page login(Browser chromium, TestServer server, String user, int width, int height) {
    BrowserContext ctx = chromium.newContext(new Browser.NewContextOptions()
        .setViewportSize(width, height).setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
    ctx.setDefaultTimeout(30_000);
    Page page = ctx.newPage();
    page.navigate(server.url("/"));
    assertThat(page).hasURL(server.url("/login"));
    page.getByLabel("Tên đăng nhập").fill(user);
    page.getByLabel("Mật khẩu").fill(TestServer.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    assertThat(page).hasURL(server.url("/"));
    return page;
  }
}
