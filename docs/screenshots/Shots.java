import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotType;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes the README's tour screenshots from a running demo (bash bin/demo), with the jar's own Playwright, logged in
 * as the demo admin with the password the demo printed on its first run:
 * <pre>
 * DEMO_PASSWORD=xxxx-xxxx-xxxx-xxxx java -cp 'harvester/target/lib/*' docs/screenshots/Shots.java \
 *   http://127.0.0.1:8080/ /tmp/dossier/index.html [EVIDENCE_ID]
 * </pre>
 * Writes docs/screenshots/demo-dashboard.png, demo-accounts.png, demo-evidence.png and demo-dossier.png (1366 px
 * wide).
 */
public class Shots {
  public static void main(String[] args) {
    String password = System.getenv("DEMO_PASSWORD");
    if (password == null || password.isBlank()) {
      System.err.println("DEMO_PASSWORD is not set: give the password the demo printed on its first run "
          + "(\"mật khẩu ngẫu nhiên: …\"), or set a new one with: harvester users password demo");
      System.exit(2);
    }
    String base = args[0];
    Path dossierIndex = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of("docs", "screenshots");
    String exe = System.getenv().getOrDefault("HARVESTER_BROWSER_EXECUTABLE", "/usr/bin/chromium");
    try (Playwright pw = Playwright.create()) {
      Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
          .setExecutablePath(Path.of(exe)).setArgs(List.of("--no-sandbox", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run")));
      Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 900));
      page.navigate(base + "login");
      page.fill("#username", "demo");
      page.fill("#password", password);
      page.click("button[type=submit]");
      page.waitForURL(base);
      shot(page, out.resolve("demo-dashboard.png"));
      page.navigate(base + "accounts");
      shot(page, out.resolve("demo-accounts.png"));
      // The evidence id to show may be given as a third argument; else the first item of the queue.
      String href = args.length > 2 ? "/evidence/" + args[2] : null;
      if (href == null) {
        page.navigate(base + "evidence");
        href = page.locator("a[href^='/evidence/']").first().getAttribute("href");
      }
      page.navigate(base + href.substring(1));
      shot(page, out.resolve("demo-evidence.png"));
      page.navigate(dossierIndex.toUri().toString());
      shot(page, out.resolve("demo-dossier.png"));
      browser.close();
    }
  }

  private static void shot(Page page, Path file) {
    page.waitForLoadState();
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setType(ScreenshotType.PNG).setFullPage(false));
    System.out.println("wrote " + file);
  }
}
