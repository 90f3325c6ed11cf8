package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceFile;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.registry.Channel;

/** Issue 21's admin and manual-evidence flows in real Chromium: alerts, schedule, links, multi-file uploads. */
@Timeout(300)
class ReviewAdminBrowserTest extends BrowserTestBase {
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  private Locator.GetByRoleOptions inForm(String name) {
    return new Locator.GetByRoleOptions().setName(name).setExact(true);
  }

  @Test
  void alertIsAcknowledgedWithWhoWhenAndNoteAndSaysWhatToDo() {
    long id = server.db.inTransaction(s -> {
      Channel bbn = s.find(Channel.class, server.fixture.channels.get("WEB-BBN").getId());
      Alert a = new Alert("failure_streak:WEB-BBN", Alert.Kind.FAILURE_STREAK, bbn, null,
          "Kênh WEB-BBN thất bại 3 lần liên tiếp", "Kênh Báo Bắc Ninh điện tử thất bại 3 lần liên tiếp. Lỗi gần nhất:"
              + " transient: baobacninh.vn: cannot connect: null.", server.clock.instant());
      s.persist(a);
      s.flush();
      return a.getId();
    });
    Page page = login("canbo");
    page.navigate(server.url("/"));
    page.getByRole(AriaRole.LINK, named("Xem việc cần làm và tiếp nhận cảnh báo")).click();
    Locator item = page.locator("#canh-bao-" + id);
    assertThat(item.locator(".alert-todo")).containsText("Việc cần làm: Xem lỗi của các lần chạy gần nhất");
    assertThat(item.locator("details.tech")).not().hasAttribute("open", "");
    assertThat(item.locator("details.tech summary")).hasText("Chi tiết kỹ thuật");
    assertThat(item.locator("details.tech code")).isHidden();  // the technical text is folded away
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/alerts.png")).setFullPage(true));
    item.getByLabel("Ghi chú tiếp nhận").fill("Đã gọi Báo Bắc Ninh, họ đang sửa máy chủ RSS");
    item.getByRole(AriaRole.BUTTON).click();
    assertThat(page.locator(".flash")).hasText("Đã tiếp nhận cảnh báo “Lỗi nhiều lần liên tiếp”.");
    assertThat(page.locator("#canh-bao-" + id + " .alert-ack"))
        .hasText("Đã tiếp nhận canbo lúc 03/11/2026 10:00: Đã gọi Báo Bắc Ninh, họ đang sửa máy chủ RSS");
    Alert stored = server.db.inTransaction(s -> s.find(Alert.class, id));
    assertThat(stored.getAcknowledgedBy()).isEqualTo("canbo");
    assertThat(stored.getAcknowledgedAt()).isEqualTo(ReviewFixture.NOW);
    assertThat(stored.isOpen()).isTrue();
    AuditEvent audit = server.db.inTransaction(s -> s.createSelectionQuery(
        "from AuditEvent a where a.action = 'alert.acknowledge'", AuditEvent.class).getSingleResult());
    assertThat(audit.getActor()).isEqualTo("canbo");
    page.navigate(server.url("/"));
    assertThat(page.locator(".alerts .alert-ack")).containsText("Đã tiếp nhận canbo lúc 03/11/2026 10:00");
    page.context().close();

    Page viewer = login("xem");
    viewer.navigate(server.url("/alerts"));
    assertThat(viewer.locator("form.alert-ack-form")).hasCount(0);
    viewer.context().close();
  }

  @Test
  void scheduleIsChosenInWordsAndStoredAsCron() {
    Page page = login("quantri");
    long id = server.fixture.channels.get("WEB-BBN").getId();
    page.navigate(server.url("/channels/" + id + "/edit"));
    // The stored "0 0 6 * * ?" reads as a daily time, not as cron.
    assertThat(page.getByLabel("Hằng ngày lúc")).isChecked();
    assertThat(page.getByLabel("Giờ chạy (hằng ngày hoặc các ngày đã chọn)")).hasValue("06:00");
    assertThat(page.locator("details.advanced")).not().hasAttribute("open", "");
    // Only the news site's options show for a news site.
    assertThat(page.locator("fieldset.options[data-kind=news_site]")).isVisible();
    assertThat(page.locator("fieldset.options[data-kind=web_page]")).isHidden();

    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/channel-form.png")).setFullPage(true));
    page.getByLabel("Các ngày trong tuần:").check();
    page.getByLabel("thứ Hai").check();
    page.getByLabel("thứ Năm").check();
    page.getByLabel("Giờ chạy (hằng ngày hoặc các ngày đã chọn)").fill("07:30");
    page.locator("#opt-news_site-feedUrl").fill("https://baobacninh.vn/rss/chuyen-doi-so.rss\nhttps://baobacninh.vn/rss/thoi-su.rss");
    page.locator("#opt-news_site-listingUrl").fill("https://baobacninh.vn/chuyen-doi-so");
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    // A listing without its article selector is refused, and what was typed stays.
    assertThat(page.locator("p.field-error")).containsText("nhập bộ chọn CSS của liên kết bài viết");
    assertThat(page.getByLabel("thứ Năm")).isChecked();
    assertThat(page.locator("#opt-news_site-feedUrl")).hasValue("https://baobacninh.vn/rss/chuyen-doi-so.rss\nhttps://baobacninh.vn/rss/thoi-su.rss");
    page.locator("#opt-news_site-articleLink").fill("article h3 a");
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    assertThat(page.locator(".flash")).hasText("Đã lưu thay đổi của kênh.");
    assertThat(page.locator("dl")).containsText("thứ Hai, thứ Năm lúc 07:30");
    Channel c = server.db.inTransaction(s -> s.find(Channel.class, id));
    assertThat(c.getSchedule()).isEqualTo("0 30 7 ? * MON,THU");
    assertThat(c.getOptionsJson()).contains("\"feedUrl\":[\"https://baobacninh.vn/rss/chuyen-doi-so.rss\"")
        .contains("\"articleLink\":\"article h3 a\"");

    page.navigate(server.url("/channels/" + id + "/edit"));
    page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Mỗi")).check();
    page.getByLabel("Số giờ giữa hai lần chạy").selectOption("6");
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    assertThat(page.locator("dl")).containsText("mỗi 6 giờ");
    assertThat((String) server.db.inTransaction(s -> s.find(Channel.class, id).getSchedule())).isEqualTo("0 0 0/6 * * ?");

    page.navigate(server.url("/channels/" + id + "/edit"));
    page.getByLabel("Hằng ngày lúc").check();
    page.getByLabel("Giờ chạy (hằng ngày hoặc các ngày đã chọn)").fill("05:45");
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    assertThat(page.locator("dl")).containsText("hằng ngày lúc 05:45");
    assertThat((String) server.db.inTransaction(s -> s.find(Channel.class, id).getSchedule())).isEqualTo("0 45 5 * * ?");

    page.navigate(server.url("/channels/" + id + "/edit"));
    page.getByLabel("Mặc định (hằng ngày khoảng 06:00)").check();
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    assertThat(page.locator("dl")).containsText("mặc định: hằng ngày khoảng 06:00");
    assertThat((String) server.db.inTransaction(s -> s.find(Channel.class, id).getSchedule())).isNull();

    page.navigate(server.url("/channels/" + id + "/edit"));
    page.locator("details.advanced summary").click();
    page.getByLabel("Biểu thức cron Quartz").check();
    page.locator("#schedule").fill("mỗi sáng");
    page.getByRole(AriaRole.BUTTON, named("Lưu kênh")).click();
    assertThat(page.locator("p.field-error")).containsText("Lịch chạy không phải biểu thức cron Quartz hợp lệ");
    assertThat(page.locator("#schedule")).hasValue("mỗi sáng");
    page.context().close();
  }

  @Test
  void threeFilesBecomeOneEvidenceOfTheChosenComponentUnitKindAndDay() {
    Page page = login("canbo");
    page.navigate(server.url("/upload"));
    String ii1 = server.fixture.items.get("II.1").getId().toString();
    String ii2 = server.fixture.items.get("II.2").getId().toString();
    Locator form = page.locator("#tai-len");
    form.getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(new String[] {ii1, ii2});
    form.getByLabel("Thành phần minh chứng").selectOption(new SelectOption().setLabel(
        "6. Hình ảnh và danh sách đại biểu tham gia lớp tập huấn, Webinar"));
    form.getByLabel("Loại tài liệu").selectOption(new SelectOption().setLabel("Biên bản"));
    form.getByLabel("Đơn vị").selectOption(new SelectOption().setLabel("Sở Tư pháp tỉnh Bắc Ninh"));
    form.getByLabel("Ngày phát hành / diễn ra").fill("2026-10-20");
    form.getByLabel("Mô tả").fill("Hội nghị tập huấn Luật Chuyển đổi số ngày 20/10/2026: biên bản, ảnh và danh sách đại biểu");
    form.getByLabel("Tệp", new Locator.GetByLabelOptions()).setInputFiles(new FilePayload[] {
        new FilePayload("bien-ban-tap-huan.pdf", "application/pdf", PDF),
        new FilePayload("anh-hoi-truong.png", "image/png", ReviewFixture.png("Hội trường tập huấn")),
        new FilePayload("danh-sach-dai-bieu.pdf", "application/pdf", PDF)});
    form.getByRole(AriaRole.BUTTON, inForm("Tải lên")).click();
    assertThat(page.locator(".flash")).hasText("Đã tải lên 3 tệp thành một minh chứng và liên kết với nhiệm vụ; minh chứng đang chờ duyệt.");
    long id = Long.parseLong(page.url().replaceAll(".*/evidence/", ""));
    assertThat(page.locator(".page-head .muted").first()).hasText("Tải lên · Sở Tư pháp tỉnh Bắc Ninh · Biên bản · ngày 20/10/2026");
    assertThat(page.locator("#tep-them li")).hasCount(2);
    assertThat(page.locator("#tep-them")).containsText("danh-sach-dai-bieu.pdf");
    Evidence e = server.db.inTransaction(s -> s.find(Evidence.class, id));
    assertThat(e.getComponent()).isEqualTo(6);
    assertThat(e.getDocKind()).isEqualTo("bien_ban");
    assertThat(e.getFileName()).isEqualTo("bien-ban-tap-huan.pdf");
    List<String> links = server.db.inTransaction(s -> s.createSelectionQuery("select l.planItem.code || '=' || l.state"
        + " from EvidenceLink l where l.evidence.id = :id order by l.planItem.code", String.class).setParameter("id", id).getResultList());
    assertThat(links).containsExactly("II.1=confirmed", "II.2=confirmed");
    List<EvidenceFile> more = server.db.inTransaction(s -> s.createSelectionQuery(
        "from EvidenceFile f where f.evidence.id = :id order by f.id", EvidenceFile.class).setParameter("id", id).getResultList());
    assertThat(more).extracting(EvidenceFile::getFileName).containsExactly("anh-hoi-truong.png", "danh-sach-dai-bieu.pdf");
    assertThat(server.blobs.read(more.get(1).getBlobSha())).isEqualTo(PDF);

    // A screenshot added later to the same evidence.
    page.getByLabel("Thêm ảnh chụp hoặc tệp (PDF, JPEG, PNG, DOCX, XLSX, video MP4)").setInputFiles(
        new FilePayload("anh-ky-danh-sach.png", "image/png", ReviewFixture.png("Ký danh sách")));
    page.getByRole(AriaRole.BUTTON, named("Thêm tệp")).click();
    assertThat(page.locator(".flash")).hasText("Đã thêm tệp anh-ky-danh-sach.png vào minh chứng.");
    assertThat(page.locator("#tep-them li")).hasCount(3);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/evidence-files.png")).setFullPage(true));

    // A file that is not an accepted type keeps the rest of the form.
    page.navigate(server.url("/upload"));
    form = page.locator("#tai-len");
    form.getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(ii2);
    form.getByLabel("Mô tả").fill("Kịch bản phát sóng");
    form.getByLabel("Tệp", new Locator.GetByLabelOptions()).setInputFiles(new FilePayload[] {
        new FilePayload("kich-ban.pdf", "application/pdf", PDF),
        new FilePayload("virus.pdf", "application/pdf", "MZ this is not a pdf".getBytes(StandardCharsets.US_ASCII))});
    form.getByRole(AriaRole.BUTTON, inForm("Tải lên")).click();
    assertThat(page.locator(".flash-error")).containsText("Nội dung tệp “virus.pdf” không phải PDF");
    assertThat(page.locator("#tai-len").getByLabel("Mô tả")).hasValue("Kịch bản phát sóng");
    page.context().close();
  }

  @Test
  void linkOfANationalNewspaperIsFiledAndSentToCaptureAndPrivateHostsAreRefused() {
    Page page = login("canbo");
    page.navigate(server.url("/upload"));
    String ii2 = server.fixture.items.get("II.2").getId().toString();
    Locator form = page.locator("#lien-ket");
    form.getByLabel("Địa chỉ trang (URL)").fill("http://10.0.0.5/noi-bo.html");
    form.getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(ii2);
    form.getByRole(AriaRole.BUTTON, inForm("Thêm và chụp trang")).click();
    assertThat(page.locator(".flash-error")).containsText("máy chủ của trang nằm trong mạng nội bộ");
    assertThat(page.locator("#lien-ket").getByLabel("Địa chỉ trang (URL)")).hasValue("http://10.0.0.5/noi-bo.html");

    String url = "https://vnexpress.net/luat-chuyen-doi-so-co-hieu-luc-tu-1-7-2026-4890123.html";
    form = page.locator("#lien-ket");
    form.getByLabel("Địa chỉ trang (URL)").fill(url);
    form.getByLabel("Tiêu đề (không bắt buộc)").fill("Luật Chuyển đổi số có hiệu lực từ 1/7/2026");
    form.getByLabel("Ngày đăng (không bắt buộc)").fill("2026-10-25");
    form.getByRole(AriaRole.BUTTON, inForm("Thêm và chụp trang")).click();
    assertThat(page.locator(".flash")).containsText("Đã thêm liên kết và bắt đầu chụp trang");
    long id = Long.parseLong(page.url().replaceAll(".*/evidence/", ""));
    assertThat(server.recaptured).contains(id);
    assertThat(page.locator("h1")).hasText("Luật Chuyển đổi số có hiệu lực từ 1/7/2026");
    assertThat(page.locator(".page-head .muted").first()).containsText("Thêm bằng liên kết");
    assertThat(page.locator(".page-head .muted").first()).containsText("ngày 25/10/2026");
    Evidence e = server.db.inTransaction(s -> s.find(Evidence.class, id));
    assertThat(e.getSource()).isEqualTo("manual");
    assertThat(e.getComponent()).isEqualTo(1);
    assertThat(e.getUrl()).isEqualTo(url);
    String state = server.db.inTransaction(s -> s.createSelectionQuery("from EvidenceLink l where l.evidence.id = :id",
        EvidenceLink.class).setParameter("id", id).getSingleResult().getState());
    assertThat(state).isEqualTo("confirmed");

    // The same link again makes no duplicate.
    page.navigate(server.url("/upload"));
    page.locator("#lien-ket").getByLabel("Địa chỉ trang (URL)").fill(url);
    page.locator("#lien-ket").getByLabel("Nhiệm vụ (chọn một hoặc nhiều)").selectOption(ii2);
    page.locator("#lien-ket").getByRole(AriaRole.BUTTON, inForm("Thêm và chụp trang")).click();
    assertThat(page.locator(".flash")).hasText("Liên kết này đã có trong minh chứng #" + id + "; không tạo thêm bản trùng.");
    page.context().close();
  }

  @Test
  void newUserFormStartsAtTheLowestRoleAndKeepsWhatWasTyped() {
    Page page = login("quantri");
    page.navigate(server.url("/users"));
    assertThat(page.getByLabel("Vai trò")).hasValue("viewer");
    page.getByLabel("Tên đăng nhập", new Page.GetByLabelOptions().setExact(true)).fill("nguyenvana");
    page.getByLabel("Vai trò").selectOption("reviewer");
    page.getByLabel("Mật khẩu (tối thiểu 10 ký tự)").fill("Mat-khau-rat-dai-2026");
    page.getByLabel("Nhập lại mật khẩu").fill("Mat-khau-khac-2026");
    page.getByRole(AriaRole.BUTTON, named("Tạo người dùng")).click();
    assertThat(page.locator(".alert-error")).hasText("Hai lần nhập mật khẩu không khớp.");
    assertThat(page.getByLabel("Tên đăng nhập", new Page.GetByLabelOptions().setExact(true))).hasValue("nguyenvana");
    assertThat(page.getByLabel("Vai trò")).hasValue("reviewer");
    page.context().close();
  }
}
