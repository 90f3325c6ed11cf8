package vn.minhchung.review.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every review browser test shares: the class's {@link TestServer} ({@link ServerTestBase}), one system
 * Chromium per test class, signed-in tabs, and full-page screenshots in {@code target/screenshots}.
 */
abstract class BrowserTestBase extends ServerTestBase {
  static final Path SHOTS = Path.of("target", "screenshots");
  Playwright playwright;
  Browser chromium;

  @BeforeAll
  void startBrowser() throws IOException {
    Files.createDirectories(SHOTS);
    playwright = ChromiumUi.playwright();
    chromium = ChromiumUi.launch(playwright);
  }

  @AfterAll
  void stopBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A new tab signed in as {@code user} at the desktop size the issue was tried at (1366×900). */
  Page login(String user) {
    return login(user, 1366, 900);
  }

  Page login(String user, int width, int height) {
    return ChromiumUi.login(chromium, server, user, width, height);
  }

  static void shot(Page page, String name) {
    try {
      Files.createDirectories(SHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
