package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.minhchung.review.verify.DossierVerifier;
import vn.minhchung.review.verify.VerificationReport;
import vn.minhchung.review.verify.ZipLimits;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.registry.Channel;

/**
 * The review UI in real Chromium: login, dashboard, search and filter, approve, upload, relink, viewer limits,
 * the dossier download and the alerts panel.
 */
class ReviewUiBrowserTest extends BrowserTestBase {
  @Test
  void reviewerFindsApprovesUploadsAndRelinksAndTheDashboardFollows() {
    Page page = login("canbo", 1366, 900);
    Locator ii2 = page.locator("table.items tr", new Page.LocatorOptions().setHasText("II.2"));
    assertThat(ii2).containsText("còn 12 ngày");
    assertThat(ii2).containsText("3/7 Clip phóng sự 5–10 phút");
    assertThat(ii2).containsText("chưa có bản scan báo in");
    shot(page, "dashboard");

    page.navigate(server.url("/evidence"));
    page.getByLabel("Tìm kiếm").fill("chuyen doi so");
    page.getByLabel("Trạng thái").selectOption("pending");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
    Locator rows = page.locator("table.queue tbody tr");
    assertThat(rows.first()).containsText("chuyển đổi số");
    assertThat(page.locator("table.queue")).containsText("Luật Chuyển đổi số số 148/2025/QH15");
    assertThat(page.locator("table.queue")).not().containsText("Phóng sự: Luật Chuyển đổi số đi vào cuộc sống");
    shot(page, "queue");

    page.locator("table.queue a", new Page.LocatorOptions().setHasText("Luật Chuyển đổi số số 148/2025/QH15")).click();
    assertThat(page.locator("h1")).containsText("Luật Chuyển đổi số");
    assertThat(page.locator(".shot img")).isVisible();
    assertThat(page.locator("svg.chart polyline").first()).isAttached();
    shot(page, "evidence");
    page.locator(".shot-zoom").first().click();
    assertThat(page.locator(".lightbox")).isVisible();
    page.keyboard().press("Escape");
    // Opened from the queue, a decision moves on to the next item of the same queue.
    String decided = page.url().replaceAll(".*/evidence/(\\d+)\\?.*", "$1");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true)).click();
    assertThat(page.locator(".flash")).containsText("Minh chứng #" + decided + ": đã duyệt minh chứng.");
    page.navigate(server.url("/evidence/" + decided));
    assertThat(page.locator(".badge-lg")).hasText("Đã duyệt");

    page.navigate(server.url("/upload"));
    // The page has two forms (a link, files); this is the upload form.
    Locator upload = page.locator("#tai-len");
    upload.getByLabel("Nhiệm vụ").selectOption(server.fixture.items.get("II.2").getId().toString());
    upload.getByLabel("Thành phần minh chứng").selectOption("3");
    upload.getByLabel("Mô tả").fill("Báo Bắc Ninh số 2145, trang 3, ngày 10/10/2026");
    upload.getByLabel("Ngày phát hành / diễn ra").fill("2026-10-10");
    page.locator("#file").setInputFiles(new FilePayload("bao-in-trang-3.pdf", "application/pdf",
        "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
    shot(page, "upload");
    upload.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tải lên")).click();
    assertThat(page.locator(".flash")).containsText("Đã tải lên bao-in-trang-3.pdf");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true)).click();
    page.navigate(server.url("/"));
    assertThat(ii2).containsText("1/1 Bản scan báo in");
    assertThat(ii2).not().containsText("chưa có bản scan báo in");

    page.navigate(server.url("/evidence/" + server.id("clip4")));
    page.locator("label.check", new Page.LocatorOptions().setHasText("II.2")).locator("input").uncheck();
    page.locator("label.check", new Page.LocatorOptions().setHasText("II.3.1")).locator("input").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu liên kết")).click();
    assertThat(page.locator(".flash")).hasText("Đã cập nhật liên kết với nhiệm vụ.");
    assertThat(page.locator("label.check", new Page.LocatorOptions().setHasText("II.3.1")).locator("input")).isChecked();
    assertThat(page.locator("label.check", new Page.LocatorOptions().setHasText("II.2")).locator("input")).not().isChecked();

    page.navigate(server.url("/channels"));
    shot(page, "channels");
    page.navigate(server.url("/channels/" + server.fixture.channels.get("FB-STP").getId()));
    assertThat(page.locator("body")).containsText("Mã truy cập Facebook đã hết hạn");
    assertThat(page.locator("body")).not().containsText("auth_expired");
    shot(page, "channel");
    page.context().close();
    Page admin = login("quantri", 1366, 900);
    admin.navigate(server.url("/audit"));
    assertThat(admin.locator(".badge-lg")).containsText("Chuỗi băm toàn vẹn");
    assertThat(admin.locator("table.audit")).containsText("duyệt minh chứng");
    shot(admin, "audit");
    admin.context().close();
  }

  @Test
  void accountsPageShowsEachSavedSessionWithItsStateAndHowToRenewIt() {
    vn.minhchung.storage.credential.SecretBox box =
        vn.minhchung.storage.credential.SecretBox.fromKeyFile(tmp.resolve("session-test.key"));
    String xs = "31%3AaBcDeFgHiJkLmN%3A2%3A1763600000%3A-1%3A11234";
    server.db.runInTransaction(s -> vn.minhchung.storage.credential.SavedSessions.store(s, box,
        new vn.minhchung.storage.credential.SavedSessions.Import("facebook", "{\"cookies\":[{\"name\":\"xs\",\"value\":\""
            + xs + "\",\"domain\":\".facebook.com\",\"path\":\"/\",\"expires\":1802941964}],\"origins\":[]}",
            "netscape", 6, Instant.parse("2027-02-18T09:12:44Z")), "cli:nguyenvana", Instant.parse("2026-11-20T03:00:00Z"))
        .mark(vn.minhchung.storage.credential.SavedSession.State.CHECKPOINT, "Facebook yêu cầu xác minh tài khoản"
            + " (checkpoint)", Instant.parse("2026-11-20T03:05:00Z"), true));
    try {
      Page admin = login("quantri", 1366, 900);
      admin.navigate(server.url("/accounts"));
      Locator row = admin.locator("section.sessions tr[data-platform=facebook]");
      assertThat(row).containsText("Facebook");
      assertThat(row).containsText("Bị yêu cầu xác minh");
      assertThat(row).containsText("20/11/2026 10:00");
      assertThat(row).containsText("cli:nguyenvana");
      assertThat(row).containsText("18/02/2027 16:12");
      assertThat(row).containsText("20/11/2026 10:05");
      assertThat(row).containsText("session import facebook cookies.txt && session check facebook");
      assertThat(admin.locator("body")).not().containsText(xs);
      shot(admin, "accounts-sessions");
      admin.context().close();
    } finally {
      server.db.runInTransaction(s -> vn.minhchung.storage.credential.SavedSessions.remove(s, "facebook"));
    }
  }

  @Test
  void viewerCanReadButNotApproveOrUpload() {
    Page page = login("xem", 1366, 900);
    page.navigate(server.url("/evidence/" + server.id("stp-luat")));
    assertThat(page.locator("h1")).containsText("Sở Tư pháp phổ biến Luật CĐS");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true))).hasCount(0);
    assertThat(page.locator("nav.mainnav")).not().containsText("Tải lên");
    var response = page.navigate(server.url("/upload"));
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.locator("body")).containsText("Bạn không có quyền thực hiện thao tác này.");
    page.context().close();
  }

  @Test
  void pagesFitAPhoneScreen() {
    Page page = login("canbo", 390, 844);
    assertThat(page.locator("h1")).isVisible();
    Object overflow = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1");
    assertThat(overflow).isEqualTo(true);
    shot(page, "dashboard-phone");
    page.navigate(server.url("/evidence/" + server.id("clip1")));
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
    shot(page, "evidence-phone");
    page.context().close();
  }

  @Test
  void viewerDownloadsTheDossierAndTheButtonShowsItIsWorking() throws Exception {
    Page page = login("xem", 1366, 900);
    Locator card = page.locator("section.dossier");
    assertThat(card.locator("h2")).hasText("Tải hồ sơ minh chứng (.zip)");
    page.getByLabel("Nhiệm vụ", new Page.GetByLabelOptions().setExact(true)).selectOption("II.2");
    page.getByLabel("Từ ngày").fill("03/11/2026");
    page.getByLabel("Đến ngày").fill("01/10/2026");
    page.getByLabel("Gồm cả minh chứng chưa duyệt").check();
    Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tải hồ sơ (.zip)"));
    button.click();
    assertThat(page.locator(".dossier-error")).hasText(
        "Khoảng ngày không hợp lệ: “Từ ngày” (03/11/2026) sau “Đến ngày” (01/10/2026).");
    assertThat(page.getByLabel("Nhiệm vụ", new Page.GetByLabelOptions().setExact(true))).hasValue("II.2");
    assertThat(page.getByLabel("Gồm cả minh chứng chưa duyệt")).isChecked();
    card(page, "section.dossier", "dossier-form-error");
    page.getByLabel("Từ ngày").fill("01/10/2026");
    page.getByLabel("Đến ngày").fill("03/11/2026");
    page.evaluate("() => { const b = document.querySelector('.js-dossier-submit'); window.dossierStates = [];"
        + " new MutationObserver(() => window.dossierStates.push(b.disabled + ':' + b.textContent))"
        + ".observe(b, {attributes: true, childList: true, characterData: true, subtree: true}); }");
    Download download = page.waitForDownload(button::click);
    assertThat(download.suggestedFilename()).isEqualTo("ho-so-minh-chung-110-KH-UBND-II.2-20261103-1000.zip");
    Path zip = tmp.resolve("tai-tu-trinh-duyet.zip");
    download.saveAs(zip);
    VerificationReport report = new DossierVerifier(ZipLimits.DEFAULT).verify(zip);
    assertThat(report.problems()).isEmpty();
    assertThat(report.filesChecked()).isGreaterThan(3);
    assertThat(new String(vn.minhchung.review.export.DossierFiles.read(zip).get("index.html"), StandardCharsets.UTF_8))
        .contains("mục II.2, từ 01/10/2026 đến 03/11/2026");
    // Once the download has begun the button comes back for the next one.
    assertThat(button).isEnabled();
    assertThat(button).hasText("Tải hồ sơ (.zip)");
    assertThat(page.evaluate("() => window.dossierStates.join('\\n')").toString()).contains("true:Đang tạo hồ sơ…");
    page.context().close();
  }

  @Test
  void alertsPanelShowsOpenAlertsEscapedOnDashboardAndChannels() {
    long channelId = server.fixture.channels.get("FB-STP").getId();
    server.db.runInTransaction(s -> s.persist(new Alert("failure_streak:FB-STP", Alert.Kind.FAILURE_STREAK,
        s.find(Channel.class, channelId), null, "Kênh FB-STP thất bại 3 lần liên tiếp",
        "Kênh Sở Tư pháp Bắc Ninh (FB-STP) thất bại 3 lần liên tiếp. Lỗi gần nhất: <img src=x onerror=alert(1)> HTTP 401.",
        Instant.parse("2026-11-02T08:30:00Z"))));
    Page page = login("canbo", 1366, 900);
    Locator panel = page.locator("section.alerts");
    assertThat(panel.locator("h2")).containsText("Cảnh báo");
    Locator item = panel.locator("li.alert-item", new Locator.LocatorOptions().setHasText("FB-STP"));
    assertThat(item).containsText("Lỗi nhiều lần liên tiếp");
    assertThat(item).containsText("Lỗi gần nhất: <img src=x onerror=alert(1)> HTTP 401.");
    assertThat(item).containsText("từ 02/11/2026 15:30");
    assertThat(panel.locator("img")).hasCount(0);
    shot(page, "dashboard-alerts");
    card(page, "section.alerts", "alerts-panel");
    card(page, "section.dossier", "dossier-form");
    item.getByRole(AriaRole.LINK).click();
    assertThat(page).hasURL(server.url("/channels/" + channelId));
    page.navigate(server.url("/channels"));
    assertThat(page.locator("section.alerts li.alert-item", new Page.LocatorOptions().setHasText("FB-STP"))).isVisible();
    shot(page, "channels-alerts");
    page.setViewportSize(390, 844);
    page.navigate(server.url("/"));
    assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
    shot(page, "dashboard-alerts-phone");
    card(page, "section.dossier", "dossier-form-phone");
    page.context().close();
  }

  private static void card(Page page, String selector, String name) {
    page.locator(selector).screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
  }
}
