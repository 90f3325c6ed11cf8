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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every review browser test shares: one {@link TestServer} over a fresh fixture database and one system
 * Chromium per test class, signed-in tabs, and full-page screenshots in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  static final Path SHOTS = Path.of("target", "screenshots");
  @TempDir static Path tmp;
  TestServer server;
  Playwright playwright;
  Browser chromium;

  @BeforeAll
  void startServerAndBrowser() throws IOException {
    Files.createDirectories(SHOTS);
    server = new TestServer(tmp);
    playwright = ChromiumUi.playwright();
    chromium = ChromiumUi.launch(playwright);
  }

  @AfterAll
  void stopServerAndBrowser() {
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.close();
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
