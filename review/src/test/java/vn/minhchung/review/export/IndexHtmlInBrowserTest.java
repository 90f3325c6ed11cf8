package vn.minhchung.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** index.html opened from the unzipped dossier in Chromium, offline: every picture loads, nothing is fetched. */
class IndexHtmlInBrowserTest {
  @TempDir Path dir;

  @Test
  void indexOpensOfflineWithEveryThumbnailAndOnlyLocalRequests() throws Exception {
    DatabaseTarget target = TestDatabases.h2();
    Path zip;
    try (Database db = TestDatabases.open(target)) {
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      new DossierFixture(db, blobs).build();
      zip = DossierFiles.export(new DossierExporter(db, blobs, Clock.fixed(DossierFixture.NOW, ZoneOffset.UTC), Optional.empty()),
          ExportRequest.plan(DossierFixture.PLAN), dir.resolve("ho-so.zip"));
    } finally {
      TestDatabases.drop(target);
    }
    Path folder = Files.createDirectories(dir.resolve("mo-ra"));
    DossierFiles.unzip(zip, folder);
    try (Playwright pw = Playwright.create();
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
            .setExecutablePath(Path.of("/usr/bin/chromium")).setArgs(List.of("--no-sandbox",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-gpu")))) {
      Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
      List<String> requests = new ArrayList<>();
      page.onRequest(r -> requests.add(r.url()));
      page.navigate(folder.resolve("index.html").toUri().toString());
      page.waitForLoadState();
      assertThat(page.title()).isEqualTo("Hồ sơ minh chứng – 110/KH-UBND");
      assertThat(page.locator("h1").textContent()).isEqualTo("HỒ SƠ MINH CHỨNG");
      assertThat(page.locator(".card").count()).isEqualTo(6);
      Object broken = page.evaluate("() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length");
      assertThat(((Number) broken).intValue()).isZero();
      assertThat(page.locator("img").count()).isEqualTo(5);
      assertThat(requests).isNotEmpty().allMatch(u -> u.startsWith("file://"));
      Path shot = Path.of("target", "dossier-index.png");
      page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
      assertThat(shot).exists();
    }
  }
}
