package vn.minhchung.harvester.cli;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.harvester.capture.FixtureServer;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.review.web.HarvestActions;
import vn.minhchung.review.web.WebConfig;
import vn.minhchung.review.web.WebServer;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * "Thêm liên kết" end to end: a reviewer adds the link of a newspaper article (a local fixture page, allowed by
 * {@code http.allowHosts}) in real Chromium, the harvester's capture service captures it in real Chromium, and the
 * evidence page shows the screenshot; an address on a private network is refused by the same address policy.
 */
@Timeout(240)
class ManualLinkCaptureBrowserTest {
  static final String PASSWORD = "Mat-khau-2026!";
  @TempDir Path data;

  @Test
  void newspaperLinkIsCapturedThroughTheCaptureServiceAndPrivateAddressesAreRefused() {
    try (FixtureServer site = new FixtureServer()) {
      URI article = site.url("/news/article");
      AppContext ctx = new AppContext(data, data.resolve("harvester.yaml"), false, Map.of(
          "HARVESTER_HTTP_ALLOW_HOSTS", article.getAuthority(), "HARVESTER_BROWSER_CONCURRENCY", "1",
          "HARVESTER_BROWSER_CAPTURE_TIMEOUT_SECONDS", "30"), Clock.systemUTC());
      long itemId = ctx.database().inTransaction(s -> {
        Unit u = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", Instant.now());
        s.persist(u);
        Plan p = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh", Instant.now());
        p.setIssuedOn(LocalDate.of(2026, 4, 14));
        s.persist(p);
        PlanItem i = new PlanItem(p, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật", Instant.now());
        i.setPosition(1);
        i.setLead(u);
        p.getItems().add(i);
        s.persist(i);
        Users.add(s, "canbo", Role.REVIEWER, PASSWORD.toCharArray(), "test", Instant.now(), 4);
        s.flush();
        return i.getId();
      });
      try (Harvesting h = Harvesting.wire(ctx)) {
        HarvestActions actions = new HarvestActions() {
          @Override public void harvestNow(String channelCode) {
            throw new UnsupportedOperationException("not used here");
          }

          // Synchronous, so the page after the redirect already shows the capture.
          @Override public void captureAgain(long evidenceId) {
            h.captureAgain(evidenceId);
          }

          @Override public Optional<String> refusal(URI url) {
            return h.refusal(url);
          }
        };
        WebServer server = WebServer.start(new WebConfig("127.0.0.1", 0, Duration.ofMinutes(30), 1_000_000, 14, 2,
            data.resolve("tmp"), Optional.empty(), false, 7, Optional.empty()), ctx.database(), ctx.blobs(), ctx.clock(),
            Optional.of(actions), Optional.empty());
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser chromium = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
          Page page = chromium.newContext(new Browser.NewContextOptions().setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh")
              .setViewportSize(1366, 900)).newPage();
          page.setDefaultTimeout(60_000);
          String base = "http://127.0.0.1:" + server.port();
          page.navigate(base + "/login");
          page.getByLabel("Tên đăng nhập").fill("canbo");
          page.getByLabel("Mật khẩu").fill(PASSWORD);
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();

          page.navigate(base + "/upload");
          Locator form = page.locator("#lien-ket");
          form.getByLabel("Địa chỉ trang (URL)").fill("http://10.20.30.40/tin-noi-bo.html");
          form.getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(Long.toString(itemId));
          form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm và chụp trang")).click();
          assertThat(page.locator(".flash-error")).containsText("máy chủ của trang nằm trong mạng nội bộ");

          form = page.locator("#lien-ket");
          form.getByLabel("Địa chỉ trang (URL)").fill(article.toString());
          form.getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(Long.toString(itemId));
          form.getByLabel("Tiêu đề (không bắt buộc)").fill("Bắc Ninh triển khai Luật Chuyển đổi số trên địa bàn tỉnh");
          form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Thêm và chụp trang")).click();
          assertThat(page.locator(".flash")).containsText("Đã thêm liên kết và bắt đầu chụp trang");
          assertThat(page.locator("figure.shot img").first()).isVisible();
          long id = Long.parseLong(page.url().replaceAll(".*/evidence/", ""));
          Evidence e = ctx.database().inTransaction(s -> {
            Evidence ev = s.find(Evidence.class, id);
            ev.getCapture().getStatus();
            return ev;
          });
          assertThat(e.getSource()).isEqualTo("manual");
          assertThat(e.getComponent()).isEqualTo(1);
          Capture c = e.getCapture();
          assertThat(c.getStatus()).isEqualTo("ok");
          assertThat(c.getUrl()).isEqualTo(article.toString());
          assertThat(ctx.blobs().read(c.getScreenshotSha()).length).isGreaterThan(1000);
          assertThat(page.locator("dl.hashes")).containsText("Đã chụp");
        } finally {
          server.close();
        }
      } finally {
        ctx.close();
      }
    }
  }
}
