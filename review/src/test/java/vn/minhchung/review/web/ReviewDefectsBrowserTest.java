package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.PlanItem;

/** Issue 21's review defects in real Chromium: suggestions kept until decided, validation errors in red. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewDefectsBrowserTest {
  @TempDir static Path tmp;
  TestServer server;
  Playwright playwright;
  com.microsoft.playwright.Browser chromium;

  @BeforeAll
  void start() {
    server = new TestServer(tmp);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-gpu")));
  }

  @AfterAll
  void stop() {
    if (playwright != null) {
      playwright.close();
    }
    server.close();
  }

  private Page login(String user) {
    BrowserContext ctx = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
        .setViewportSize(1366, 900).setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
    ctx.setDefaultTimeout(30_000);
    Page page = ctx.newPage();
    page.navigate(server.url("/login"));
    page.getByLabel("Tên đăng nhập").fill(user);
    page.getByLabel("Mật khẩu").fill(TestServer.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
    assertThat(page).hasURL(server.url("/"));
    return page;
  }

  private Map<String, String> linkStates(long evidenceId) {
    return server.db.inTransaction(s -> {
      Map<String, String> m = new TreeMap<>();
      s.createSelectionQuery("from EvidenceLink l join fetch l.planItem where l.evidence.id = :id", EvidenceLink.class)
          .setParameter("id", evidenceId).getResultList().forEach(l -> m.put(l.getPlanItem().getCode(), l.getState()));
      return m;
    });
  }

  @Test
  void confirmingOneSuggestionKeepsTheOtherTwoSuggested() {
    long id = server.id("stp-luat");
    server.db.runInTransaction(s -> {
      Evidence e = s.find(Evidence.class, id);
      double score = 0.81;
      for (String code : List.of("II.1", "II.2", "II.3.1")) {
        PlanItem item = s.find(PlanItem.class, server.fixture.items.get(code).getId());
        s.persist(new EvidenceLink(e, item, "auto", "suggested", score, "auto", server.clock.instant()));
        score -= 0.1;
      }
    });
    Page page = login("canbo");
    page.navigate(server.url("/evidence/" + id));
    Locator suggestions = page.locator("section.suggestions li.suggestion");
    assertThat(suggestions).hasCount(3);
    assertThat(suggestions.first()).containsText("mức phù hợp 81%");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận II.2").setExact(true)).click();
    assertThat(page.locator(".flash")).hasText("Đã xác nhận liên kết với nhiệm vụ II.2.");
    assertThat(suggestions).hasCount(2);
    assertThat(page.locator("section.suggestions")).containsText("II.1");
    assertThat(page.locator("section.suggestions")).containsText("II.3.1");
    assertThat(page.locator("label.check", new Page.LocatorOptions().setHasText("II.2")).locator("input")).isChecked();
    assertThat(linkStates(id)).isEqualTo(Map.of("II.1", "suggested", "II.2", "confirmed", "II.3.1", "suggested"));

    // Saving the checkbox list (nothing else ticked) must not touch the remaining suggestions.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu liên kết")).click();
    assertThat(page.locator(".flash")).hasText("Đã cập nhật liên kết với nhiệm vụ.");
    assertThat(suggestions).hasCount(2);
    assertThat(linkStates(id)).isEqualTo(Map.of("II.1", "suggested", "II.2", "confirmed", "II.3.1", "suggested"));

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ đề xuất II.1").setExact(true)).click();
    assertThat(page.locator(".flash")).hasText("Đã bỏ đề xuất liên kết với nhiệm vụ II.1.");
    assertThat(suggestions).hasCount(1);
    assertThat(linkStates(id)).isEqualTo(Map.of("II.1", "rejected", "II.2", "confirmed", "II.3.1", "suggested"));
    page.navigate(server.url("/audit"));
    page.context().close();
  }

  @Test
  void rejectingWithoutAReasonShowsARedErrorAndKeepsTheForm() {
    long id = server.id("pending-fb");
    Page page = login("canbo");
    page.navigate(server.url("/evidence/" + id));
    page.getByLabel("Lý do / ghi chú").fill("   ");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Từ chối").setExact(true)).click();
    Locator error = page.locator(".flash-error");
    assertThat(error).containsText("Cần ghi lý do khi từ chối minh chứng");
    assertThat(error).hasAttribute("role", "alert");
    assertThat(page.locator(".flash[role=status]")).hasCount(0);
    Object color = error.evaluate("el => getComputedStyle(el).color");
    assertThat(color).isEqualTo("rgb(180, 35, 24)");
    assertThat(page.getByLabel("Lý do / ghi chú")).hasValue("   ");
    assertThat(page.locator(".badge-lg")).hasText("Chờ duyệt");
    page.getByLabel("Lý do / ghi chú").fill("Bài có mã độc, không phải minh chứng");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Từ chối").setExact(true)).click();
    assertThat(page.locator(".flash[role=status]")).hasText("Đã từ chối minh chứng.");
    assertThat(page.locator(".flash-error")).hasCount(0);
    page.context().close();
  }
}
