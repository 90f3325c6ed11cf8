package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.minhchung.review.queue.EvidenceFilter;
import vn.minhchung.review.queue.EvidenceSearch;
import vn.minhchung.review.queue.SearchText;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * Issue 21's review at speed in real Chromium: the to-do list per plan, bulk decisions over the queue, keyboard
 * shortcuts and the next item after a decision, the phone menu, and pages that follow "Thu thập ngay" and
 * "Chụp lại" by themselves.
 */
class ReviewSpeedBrowserTest extends BrowserTestBase {
  private static final String PLAN = "110/KH-UBND";

  @Test
  void reviewerClearsTheII2QueueWithBulkApprovalInAFewClicks() {
    for (int i = 1; i <= 50; i++) {
      upload("Tin ngắn số " + i + ": tuyên truyền Luật Chuyển đổi số tại xã Phật Tích", 2, "pending", Map.of("II.2", "confirmed"));
    }
    long ii2 = server.fixture.items.get("II.2").getId();
    EvidenceFilter queue = new EvidenceFilter(PLAN, ii2, null, null, null, "pending", null, null, null, null, null, null);
    long waiting = server.db.inTransaction(s -> EvidenceSearch.count(s, queue));
    assertThat(waiting).isGreaterThanOrEqualTo(52);
    long approvalsBefore = auditCount("evidence.approve");

    Page page = login("canbo");
    page.locator(".todo-item", new Page.LocatorOptions().setHasText("II.2")).getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("minh chứng chờ duyệt")).click();
    assertThat(page.locator(".result-count")).containsText(Fmt.number(waiting) + " minh chứng khớp bộ lọc");
    assertThat(page.locator("table.queue tbody tr")).hasCount(50);
    assertThat(page.locator("table.queue img.thumb").first()).isVisible();
    assertThat(page.locator("table.queue")).containsText("bài đăng mạng xã hội");
    page.getByLabel("Chọn tất cả trên trang").check();
    assertThat(page.locator(".js-selected-count")).hasText("Đã chọn 50 mục");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("queue-bulk.png")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt các mục đã chọn")).click();
    assertThat(page.locator(".flash")).hasText("Đã duyệt 50 minh chứng.");
    assertThat(page.locator(".result-count")).containsText(Fmt.number(waiting - 50) + " minh chứng khớp bộ lọc");
    Locator clip = page.locator("table.queue tbody tr", new Page.LocatorOptions().setHasText("Bình dân học vụ số tại phường Kinh Bắc"));
    assertThat(clip).containsText("4.200 lượt xem");
    assertThat(clip).containsText("1.230 lượt tương tác");
    shot(page, "queue-after-bulk");
    page.getByLabel("Chọn tất cả trên trang").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt các mục đã chọn")).click();
    assertThat(page.locator(".flash")).hasText("Đã duyệt " + (waiting - 50) + " minh chứng.");
    assertThat(page.locator("table.queue")).containsText("Không có minh chứng nào khớp với bộ lọc.");
    long left = server.db.inTransaction(s -> EvidenceSearch.count(s, queue));
    assertThat(left).isZero();
    assertThat(auditCount("evidence.approve") - approvalsBefore).isEqualTo(waiting);
    page.context().close();
  }

  @Test
  void bulkDecisionsOnOneItemsSuggestionsKeepEveryOtherSuggestion() {
    long a = upload("Infographic Ngày Chuyển đổi số quốc gia – bản A", 5, "pending", Map.of("II.2", "suggested", "II.3.1", "suggested"));
    long b = upload("Infographic Ngày Chuyển đổi số quốc gia – bản B", 5, "pending", Map.of("II.2", "suggested", "II.3.1", "suggested"));
    long c = upload("Infographic Ngày Chuyển đổi số quốc gia – bản C", 5, "pending", Map.of("II.2", "suggested", "II.3.1", "suggested"));
    long ii31 = server.fixture.items.get("II.3.1").getId();
    Page page = login("canbo");
    page.navigate(server.url("/evidence?plan=" + PLAN + "&item=" + ii31 + "&link=suggested&q=infographic+ngay"));
    assertThat(page.locator(".result-count")).containsText("3 minh chứng khớp bộ lọc");
    assertThat(page.locator("#bulk-item")).hasValue(Long.toString(ii31));

    page.getByLabel("Chọn minh chứng #" + a).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Từ chối các mục đã chọn")).click();
    assertThat(page.locator(".flash-error")).containsText("Cần ghi lý do khi từ chối");
    assertThat(page.locator(".flash-error")).hasCSS("color", "rgb(180, 35, 24)");
    assertThat(status(a)).isEqualTo("pending");

    page.getByLabel("Chọn minh chứng #" + a).check();
    page.getByLabel("Chọn minh chứng #" + b).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ đề xuất")).click();
    assertThat(page.locator(".flash")).hasText("Đã bỏ 2 đề xuất liên kết với nhiệm vụ II.3.1; các đề xuất khác được giữ nguyên.");
    assertThat(linkStates(a)).containsExactlyInAnyOrderEntriesOf(Map.of("II.2", "suggested", "II.3.1", "rejected"));
    assertThat(linkStates(b)).containsExactlyInAnyOrderEntriesOf(Map.of("II.2", "suggested", "II.3.1", "rejected"));
    assertThat(linkStates(c)).containsExactlyInAnyOrderEntriesOf(Map.of("II.2", "suggested", "II.3.1", "suggested"));

    assertThat(page.locator(".result-count")).containsText("1 minh chứng khớp bộ lọc");
    page.getByLabel("Chọn minh chứng #" + c).check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xác nhận đề xuất")).click();
    assertThat(page.locator(".flash")).hasText("Đã xác nhận 1 đề xuất liên kết với nhiệm vụ II.3.1.");
    assertThat(linkStates(c)).containsExactlyInAnyOrderEntriesOf(Map.of("II.2", "suggested", "II.3.1", "confirmed"));

    page.navigate(server.url("/evidence?q=infographic+ngay&status=pending"));
    page.getByLabel("Chọn minh chứng #" + a).check();
    page.getByLabel("Lý do từ chối").fill("Ảnh trùng với bản đã nộp");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Từ chối các mục đã chọn")).click();
    assertThat(page.locator(".flash")).hasText("Đã từ chối 1 minh chứng với lý do “Ảnh trùng với bản đã nộp”.");
    assertThat(status(a)).isEqualTo("rejected");
    assertThat(linkStates(b)).containsEntry("II.2", "suggested");
    List<AuditEvent> dismissals = server.db.inTransaction(s -> s.createSelectionQuery(
        "from AuditEvent a where a.action = 'evidence.link.dismiss' and a.entityId in :ids", AuditEvent.class)
        .setParameter("ids", List.of(Long.toString(a), Long.toString(b))).getResultList());
    assertThat(dismissals).hasSize(2).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("canbo"));
    page.context().close();
  }

  @Test
  void shortcutsApproveRejectAndOpenTheNextItemOfTheQueue() {
    long first = upload("Phím tắt: ảnh hội nghị quán triệt Luật số 1", 6, "pending", Map.of("II.1", "confirmed"));
    long second = upload("Phím tắt: ảnh hội nghị quán triệt Luật số 2", 6, "pending", Map.of("II.1", "confirmed"));
    long third = upload("Phím tắt: ảnh hội nghị quán triệt Luật số 3", 6, "pending", Map.of("II.1", "confirmed"));
    Page page = login("canbo");
    page.navigate(server.url("/evidence?q=phim+tat+quan+triet&status=pending"));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Phím tắt: ảnh hội nghị quán triệt Luật số 3")).click();
    assertThat(page.locator("h1")).hasText("Phím tắt: ảnh hội nghị quán triệt Luật số 3");
    assertThat(page.locator(".shortcuts")).containsText("a duyệt · r từ chối (ghi lý do trước) · n mục tiếp theo");

    page.locator(".shot-zoom").first().click();
    assertThat(page.locator(".lightbox")).isVisible();
    double inline = renderedWidth(page, ".shot-zoom img");
    double zoomed = renderedWidth(page, ".lightbox img");
    assertThat(zoomed).isGreaterThan(inline * 1.3);
    shot(page, "evidence-zoom");
    page.keyboard().press("Escape");
    assertThat(page.locator(".lightbox")).isHidden();
    shot(page, "evidence-review-bar");

    page.keyboard().press("a");
    assertThat(page.locator(".flash")).hasText("Minh chứng #" + third + ": đã duyệt minh chứng. Đang mở minh chứng tiếp theo trong hàng chờ.");
    assertThat(page.locator("h1")).hasText("Phím tắt: ảnh hội nghị quán triệt Luật số 2");
    page.keyboard().press("n");
    assertThat(page.locator("h1")).hasText("Phím tắt: ảnh hội nghị quán triệt Luật số 1");
    page.keyboard().press("r");
    assertThat(page.locator("#reason")).isFocused();
    page.keyboard().type("Ảnh mờ, không thấy băng rôn hội nghị");
    page.keyboard().press("Escape");
    page.keyboard().press("r");
    assertThat(page.locator(".flash")).hasText("Minh chứng #" + first + ": đã từ chối minh chứng. Đã hết minh chứng trong hàng chờ.");
    assertThat(page.locator(".result-count")).containsText("1 minh chứng khớp bộ lọc");
    assertThat(page.locator("table.queue")).containsText("Phím tắt: ảnh hội nghị quán triệt Luật số 2");
    assertThat(status(third)).isEqualTo("approved");
    assertThat(status(second)).isEqualTo("pending");
    assertThat(status(first)).isEqualTo("rejected");
    page.context().close();
  }

  @Test
  void dashboardListsWhatIsOverdueAndCountsEachPlanApart() {
    server.db.runInTransaction(s -> {
      Plan other = new Plan("45/KH-UBND", "Tuyên truyền Bình dân học vụ số năm 2026", ReviewFixture.NOW);
      other.setIssuedOn(java.time.LocalDate.of(2026, 3, 2));
      s.persist(other);
      PlanItem item = new PlanItem(other, "I.1", "Phổ biến kỹ năng số cơ bản cho Nhân dân", ReviewFixture.NOW);
      item.setPosition(1);
      item.setDeadline(java.time.LocalDate.of(2026, 11, 10));
      item.setComponents("2");
      other.getItems().add(item);
      s.persist(item);
    });
    upload("Bình dân học vụ số: hướng dẫn cài VNeID tại phường Võ Cường", 2, "pending", Map.of("45/KH-UBND I.1", "suggested"));
    Page page = login("canbo");
    Locator todo = page.locator("#viec-can-lam");
    assertThat(todo.locator(".todo-item").first()).containsText("II.1");
    assertThat(todo.locator(".todo-item").first()).containsText("quá hạn 126 ngày");
    assertThat(todo.locator(".todo-item").first()).containsText("Còn thiếu: 0/2 lớp tập huấn có ảnh và danh sách đại biểu");
    assertThat(todo.locator(".todo-item", new Locator.LocatorOptions().setHasText("II.3.1"))).containsText("quá hạn 24 ngày");
    assertThat(todo.locator(".todo-item", new Locator.LocatorOptions().setHasText("II.2"))).containsText("còn 12 ngày");
    assertThat(todo.locator(".todo-item", new Locator.LocatorOptions().setHasText("II.2"))).containsText("Còn thiếu: 3/7 clip phóng sự 5–10 phút");
    assertThat(todo).containsText("Sở Tư pháp Bắc Ninh lỗi 2 lần liên tiếp");
    long pending110 = server.db.inTransaction(s -> EvidenceSearch.count(s,
        new EvidenceFilter(PLAN, null, null, null, null, "pending", null, null, null, null, null, null)));
    assertThat(page.locator(".stat-pending .stat-value")).hasText(Fmt.number(pending110));
    long suggested110 = server.db.inTransaction(s -> EvidenceSearch.count(s,
        new EvidenceFilter(PLAN, null, null, null, null, null, "suggested", null, null, null, null, null)));
    assertThat(page.locator(".stat-suggested .stat-value")).hasText(Fmt.number(suggested110));
    shot(page, "dashboard-todo");

    page.getByLabel("Kế hoạch đang xem").selectOption("45/KH-UBND");
    assertThat(page.locator("h1")).hasText("Tuyên truyền Bình dân học vụ số năm 2026");
    assertThat(page.locator(".stat-pending .stat-value")).hasText("1");
    assertThat(page.locator(".stat-suggested .stat-value")).hasText("1");
    assertThat(todo.locator(".todo-item").first()).containsText("I.1");
    assertThat(todo.locator(".todo-item").first()).containsText("còn 7 ngày");
    assertThat(todo.locator(".todo-item").first()).containsText("Còn thiếu: chưa có bài đăng mạng xã hội");
    assertThat(todo.locator(".todo-item").first()).containsText("1 đề xuất chờ xác nhận");
    page.locator(".stat-suggested").click();
    assertThat(page.locator(".result-count")).containsText("1 minh chứng khớp bộ lọc");
    assertThat(page.locator("table.queue")).containsText("hướng dẫn cài VNeID");
    page.context().close();
  }

  @Test
  void phoneReachesTheMenuAndTheReviewButtonsSitAtTheTop() {
    Page page = login("canbo", 390, 844);
    Locator evidenceLink = page.locator(".mainnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Minh chứng"));
    assertThat(evidenceLink).isHidden();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trình đơn"))).hasAttribute("aria-expanded", "false");
    shot(page, "phone-dashboard");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trình đơn")).click();
    assertThat(evidenceLink).isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trình đơn"))).hasAttribute("aria-expanded", "true");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-menu.png")));
    evidenceLink.click();
    assertThat(page).hasURL(server.url("/evidence"));
    shot(page, "phone-queue");
    page.navigate(server.url("/evidence/" + server.id("clip4")));
    Locator approve = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Duyệt").setExact(true));
    BoundingBox box = approve.boundingBox();
    assertThat(box.y + box.height).isLessThan(844);
    assertThat(page.locator(".shot img").boundingBox().y).isGreaterThan(box.y);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("phone-evidence.png")));
    page.context().close();
  }

  @Test
  void harvestNowAndRecaptureShowProgressAndTheResultWithoutAReload() {
    Channel yt = server.fixture.channels.get("YT-TTDN");
    Page page = login("canbo");
    page.navigate(server.url("/channels/" + yt.getId()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thu thập ngay")).click();
    assertThat(page.locator(".flash")).containsText("trang sẽ tự cập nhật khi có kết quả");
    assertThat(page.locator(".live")).containsText("đang chờ bắt đầu");
    assertThat(page.locator(".live progress")).isVisible();
    assertThat(server.harvested).contains("YT-TTDN");
    shot(page, "channel-live");
    page.evaluate("window.__notReloaded = true");

    long runId = server.db.inTransaction(s -> {
      HarvestRun r = new HarvestRun(s.find(Channel.class, yt.getId()), ReviewFixture.NOW.plusSeconds(2), "ui", "node-1");
      s.persist(r);
      return r.getId();
    });
    assertThat(page.locator(".live-text")).containsText("Đang thu thập (bắt đầu lúc 03/11/2026 10:00)");
    assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
    server.db.runInTransaction(s -> s.find(HarvestRun.class, runId)
        .finish(HarvestRun.Status.SUCCESS, ReviewFixture.NOW.plusSeconds(40), 4, 2, 0, 6, 4, null));
    Locator newest = page.locator("table tbody tr").first();
    assertThat(newest).containsText("Thủ công", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    assertThat(newest).containsText("Thành công");
    assertThat(page.locator(".live")).hasCount(0);
    assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(false);

    long clip4 = server.id("clip4");
    page.navigate(server.url("/evidence/" + clip4));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chụp lại")).click();
    assertThat(page.locator(".live")).containsText("đang chụp");
    assertThat(server.recaptured).contains(clip4);
    server.db.runInTransaction(s -> {
      Evidence e = s.find(Evidence.class, clip4);
      Capture c = new Capture(e.getUrl(), ReviewFixture.NOW.plus(Duration.ofSeconds(30)), "ok");
      c.setPost(e.getPost());
      c.setChannel(e.getChannel());
      c.setFinalUrl(e.getUrl());
      s.persist(c);
      e.setCapture(c);
    });
    assertThat(page.locator(".hashes")).containsText("03/11/2026 10:00",
        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    assertThat(page.locator(".live")).hasCount(0);
    page.context().close();
  }

  /** An uploaded image evidence item with links ("II.2" → state, or "PLAN ITEM" for another plan); returns its id. */
  private long upload(String title, int component, String status, Map<String, String> links) {
    return server.db.inTransaction(s -> {
      BlobRef shot = server.blobs.put(ReviewFixture.png(title), "image/png");
      BlobStore.record(s, shot, ReviewFixture.NOW);
      Evidence e = new Evidence(component, "uploaded", title, ReviewFixture.NOW);
      e.setBlobSha(shot.sha256());
      e.setFileName("anh-minh-chung.png");
      e.setMediaType("image/png");
      e.setUnit(s.find(Unit.class, server.fixture.units.get("SKHCN").getId()));
      e.setOccurredAt(ReviewFixture.NOW.minus(Duration.ofDays(3)));
      e.setCreatedBy("canbo");
      e.setStatus(status);
      SearchText.refresh(e);
      s.persist(e);
      links.forEach((key, state) -> {
        PlanItem item = key.contains(" ")
            ? s.createSelectionQuery("from PlanItem i where i.plan.code = :p and i.code = :c", PlanItem.class)
                .setParameter("p", key.substring(0, key.indexOf(' '))).setParameter("c", key.substring(key.indexOf(' ') + 1))
                .getSingleResult()
            : s.find(PlanItem.class, server.fixture.items.get(key).getId());
        s.persist(new EvidenceLink(e, item, "auto", state, 0.7, "auto", ReviewFixture.NOW));
      });
      return e.getId();
    });
  }

  private String status(long id) {
    return server.db.inTransaction(s -> s.find(Evidence.class, id).getStatus());
  }

  private long auditCount(String action) {
    return server.db.inTransaction(s -> s.createSelectionQuery("select count(a) from AuditEvent a where a.action = :a", Long.class)
        .setParameter("a", action).getSingleResult());
  }

  /** The width the image is drawn at (object-fit: contain draws it smaller than its box). */
  private static double renderedWidth(Page page, String selector) {
    Object w = page.evalOnSelector(selector, "img => { const r = img.getBoundingClientRect();"
        + " return Math.min(r.width, r.height * img.naturalWidth / img.naturalHeight); }");
    return ((Number) w).doubleValue();
  }
}
