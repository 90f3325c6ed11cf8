package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.minhchung.review.testing.RawValues;
import vn.minhchung.storage.blob.BlobRef;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;

/** Issue 21's review defects in real Chromium: suggestions kept until decided, validation errors in red. */
class ReviewDefectsBrowserTest extends BrowserTestBase {
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

  // ---- No raw values on any page -------------------------------------------------------------------------------

  /** Adds what a demo holds and the fixture lacks: dates as the APIs give them, an upload, a network error. */
  private void rawValuesLikeTheDemo() {
    server.db.runInTransaction(s -> {
      Post fb = s.find(Evidence.class, server.id("fb-luat")).getPost();
      fb.setPostedAtText("2026-11-09T12:05:00+0000");
      Post zalo = s.find(Evidence.class, server.id("fb-ngay")).getPost();
      zalo.setPostedAtText("1794276000000");
      s.find(Evidence.class, server.id("news-luat")).getCapture().setPostedAtText("2026-11-15T07:00:00Z");
      BlobRef jpeg = server.blobs.put(vn.minhchung.review.testing.ReviewFixture.png("Ảnh hội nghị"), "image/jpeg");
      BlobStore.record(s, jpeg, server.clock.instant());
      Evidence up = new Evidence(6, "uploaded", "Ảnh hội nghị quán triệt Luật Chuyển đổi số", server.clock.instant());
      up.setBlobSha(jpeg.sha256());
      up.setFileName("hoi-nghi.jpg");
      up.setMediaType("image/jpeg");
      up.setOccurredAt(Instant.parse("2026-06-20T02:00:00Z"));
      up.setUnit(server.fixture.units.get("SKHCN"));
      up.setDocKind("bien_ban");
      up.setOccurredDateOnly(true);
      s.persist(up);
      s.persist(new vn.minhchung.storage.evidence.EvidenceFile(up, jpeg.sha256(), "danh-sach-dai-bieu.jpg", "image/jpeg",
          jpeg.size(), "canbo", server.clock.instant()));
      Evidence link = new Evidence(1, "manual", "Luật Chuyển đổi số có hiệu lực từ 1/7/2026", server.clock.instant());
      link.setUrl("https://vnexpress.net/luat-chuyen-doi-so-co-hieu-luc-4890123.html");
      link.setUnit(server.fixture.units.get("SKHCN"));
      s.persist(link);
      Channel bbn = s.find(Channel.class, server.fixture.channels.get("WEB-BBN").getId());
      HarvestRun r = new HarvestRun(bbn, server.clock.instant().minusSeconds(600), "manual", "node-1");
      r.finish(HarvestRun.Status.FAILED, server.clock.instant().minusSeconds(590), 0, 0, 1, 0, 0,
          "transient: không tải được nguồn bài viết nào của kênh WEB-BBN: baobacninh.vn: cannot connect: null");
      s.persist(r);
      s.persist(new RunProblem(r, server.clock.instant().minusSeconds(590), "https://baobacninh.vn/rss/chuyen-doi-so.rss",
          "capture_failed", "Không chụp được 1 minh chứng: java.lang.IllegalStateException: browser closed"));
      s.persist(new vn.minhchung.storage.alert.Alert("failure_streak:WEB-BBN", vn.minhchung.storage.alert.Alert.Kind.FAILURE_STREAK,
          bbn, null, "Kênh WEB-BBN thất bại 3 lần liên tiếp", "Kênh Báo Bắc Ninh điện tử (WEB-BBN) thất bại 3 lần liên"
              + " tiếp. Lỗi gần nhất: transient: baobacninh.vn: cannot connect: null.", server.clock.instant()));
      vn.minhchung.storage.alert.Alert expiring = new vn.minhchung.storage.alert.Alert("account_expiring:FB-TTBN",
          vn.minhchung.storage.alert.Alert.Kind.ACCOUNT_EXPIRING, s.find(Channel.class, server.fixture.channels.get("FB-TTBN").getId()),
          null, "Tài khoản sắp hết hạn", "Khóa truy cập của Fanpage Truyền thông tỉnh Bắc Ninh hết hạn ngày 10/11/2026.",
          server.clock.instant());
      expiring.acknowledge("canbo", "Đã nhắn Sở KH&CN kết nối lại", server.clock.instant());
      s.persist(expiring);
      Instant at = server.clock.instant();
      String id = Long.toString(server.id("stp-luat"));
      vn.minhchung.storage.audit.AuditLog.append(s, at, "canbo", "evidence.reject", "evidence", id,
          "{\"status\":\"pending\",\"reason\":null,\"reviewedBy\":null}",
          "{\"status\":\"rejected\",\"reason\":\"Trùng bài đã nộp\",\"reviewedBy\":\"canbo\"}");
      vn.minhchung.storage.audit.AuditLog.append(s, at, "auto-linker", "evidence.autolink", "evidence", id, null,
          "{\"item\":\"II.2\",\"score\":0.74,\"state\":\"suggested\"}");
      vn.minhchung.storage.audit.AuditLog.append(s, at, "quantri", "dossier.export", "plan", "110/KH-UBND", null,
          "{\"item\":\"II.2\",\"from\":\"2026-10-01\",\"to\":\"2026-11-03\",\"allStatuses\":false,"
              + "\"evidence\":5,\"files\":21,\"bytes\":113515,\"timestamped\":false}");
      vn.minhchung.storage.audit.AuditLog.append(s, at, "quantri", "channel.update", "channel", "WEB-BBN",
          "{\"code\":\"WEB-BBN\",\"kind\":\"news_site\",\"active\":true}",
          "{\"code\":\"WEB-BBN\",\"kind\":\"news_site\",\"active\":false}");
    });
  }

  @Test
  void noPageShowsRawDatesCodesOrEnglish() {
    rawValuesLikeTheDemo();
    Page page = login("quantri");
    Deque<String> todo = new ArrayDeque<>(List.of("/", "/evidence", "/channels", "/channels/new", "/upload", "/audit",
        "/accounts", "/users", "/alerts", "/registry", "/khong-co-trang-nay", "/evidence/999999",
        "/channels/" + server.fixture.channels.get("WEB-BBN").getId() + "/edit"));
    Set<String> seen = new LinkedHashSet<>(todo);
    Map<String, List<String>> problems = new TreeMap<>();
    while (!todo.isEmpty() && seen.size() < 200) {
      String path = todo.poll();
      page.navigate(server.url(path));
      List<String> found = RawValues.in(page.innerText("body"));
      if (!found.isEmpty()) {
        problems.put(path, found);
      }
      @SuppressWarnings("unchecked")
      List<String> hrefs = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href^=\"/\"]'))"
          + ".map(a => a.getAttribute('href'))");
      for (String href : hrefs) {
        String clean = href.replaceAll("#.*$", "");
        boolean skip = clean.startsWith("/blobs/") || clean.startsWith("/static/") || clean.startsWith("/connect/")
            || clean.contains("before=") || clean.startsWith("/evidence?") && !clean.contains("plan=");
        if (!skip && seen.add(clean)) {
          todo.add(clean);
        }
      }
    }
    assertThat(seen).as("pages crawled").hasSizeGreaterThan(20);
    assertThat(problems).as("raw values by page").isEmpty();
    page.context().close();
  }
}
