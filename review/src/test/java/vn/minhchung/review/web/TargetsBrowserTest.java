package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.evidence.Evidence;

/**
 * Targets that count, in real Chromium: a reviewer gives an infographic post its kind, sees on the dashboard
 * why it does not count yet (filed under component 2), moves it to component 5 and sees the target's count rise.
 */
@Timeout(180)
class TargetsBrowserTest extends BrowserTestBase {
  long post;

  @BeforeAll
  void prepare() {
    post = server.id("fb-luat");
    server.db.runInTransaction(s -> {
      var ii31 = s.find(vn.minhchung.storage.registry.PlanItem.class, server.fixture.items.get("II.3.1").getId());
      ii31.getTargets().get(0).setKind("infographic_2d");
      s.find(Evidence.class, server.id("fb-ngay")).setKind("infographic_2d", null);
      Evidence e = s.find(Evidence.class, post);
      e.setKind("post", null);
      e.setStatus("approved");
      e.setOccurredAt(Instant.parse("2026-10-05T02:00:00Z"));
      s.persist(new vn.minhchung.storage.evidence.EvidenceLink(e, ii31, "manual", "confirmed", null, "canbo",
          Instant.parse("2026-11-03T03:00:00Z")));
    });
  }

  private Locator targetOf(Page page, String itemCode) {
    return page.locator("table.items tr", new Page.LocatorOptions().setHasText(itemCode)).locator(".target").first();
  }

  @Test
  void aReviewerSetsTheKindThenMovesTheComponentAndTheTargetCountFollows() {
    Page page = login("canbo");
    Locator target = targetOf(page, "II.3.1");
    assertThat(target.locator(".target-label")).hasText("1/5 Infographic tĩnh 2D");
    assertThat(target).containsText("Chưa đạt thành phần 5 · infographic 2D");
    assertThat(target.locator("li.not-counted")).hasCount(0);

    page.navigate(server.url("/evidence/" + post));
    Locator form = page.locator("form.classify-form");
    form.getByLabel("Loại").selectOption("infographic_2d");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu thành phần và loại")).click();
    assertThat(page.locator(".flash")).hasText("Đã cập nhật thành phần và loại minh chứng.");
    assertThat(page.locator(".page-head .eyebrow")).containsText("thành phần 2");
    assertThat(page.locator(".page-head .evidence-kind")).hasText("infographic 2D");

    page.navigate(server.url("/"));
    target = targetOf(page, "II.3.1");
    assertThat(target.locator(".target-label")).hasText("1/5 Infographic tĩnh 2D");
    assertThat(target.locator("li.not-counted")).hasText(
        "✗ #" + post + " " + title() + " không tính: đang ở thành phần 2, chỉ tiêu thuộc thành phần 5");
    page.screenshot(new Page.ScreenshotOptions().setPath(ReviewUiBrowserTest.SHOTS.resolve("target-not-counted.png")));

    page.navigate(server.url("/evidence/" + post));
    form = page.locator("form.classify-form");
    assertThat(form.getByLabel("Loại")).hasValue("infographic_2d");
    form.getByLabel("Thành phần minh chứng").selectOption("5");
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu thành phần và loại")).click();
    assertThat(page.locator(".page-head .eyebrow")).containsText("thành phần 5: ấn phẩm trực quan");
    assertThat(page.locator(".timeline")).containsText("đổi thành phần / loại minh chứng");

    page.navigate(server.url("/"));
    target = targetOf(page, "II.3.1");
    assertThat(target.locator(".target-label")).hasText("2/5 Infographic tĩnh 2D");
    assertThat(target.locator("li.counted", new Locator.LocatorOptions().setHasText("#" + post))).containsText("được tính");
    assertThat(target.locator("li.not-counted")).hasCount(0);
    page.screenshot(new Page.ScreenshotOptions().setPath(ReviewUiBrowserTest.SHOTS.resolve("target-counted.png"))
        .setFullPage(true));

    List<AuditEvent> audit = server.db.inTransaction(s -> s.createSelectionQuery(
        "from AuditEvent a where a.action = 'evidence.classify' order by a.id", AuditEvent.class).getResultList());
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1).getActor()).isEqualTo("canbo");
    assertThat(audit.get(1).getBeforeJson()).contains("\"component\":2", "\"kind\":\"infographic_2d\"");
    assertThat(audit.get(1).getAfterJson()).contains("\"component\":5", "\"kindBy\":\"canbo\"");

    // The queue filters by kind: the two 2D infographics, the kind kept in the form.
    page.navigate(server.url("/evidence"));
    page.getByLabel("Loại minh chứng").selectOption("infographic_2d");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc").setExact(true)).click();
    page.waitForURL("**kind=infographic_2d**");
    assertThat(page.getByLabel("Loại minh chứng")).hasValue("infographic_2d");
    assertThat(page.locator("table.queue tbody tr")).hasCount(2);
    page.close();
  }

  @Test
  void viewersSeeNoFormAndTheirPostIsRefused() {
    Page page = login("xem");
    page.navigate(server.url("/evidence/" + server.id("clip1")));
    assertThat(page.locator("form.classify-form")).hasCount(0);
    // With the session's own CSRF token (from the logout form), so only the role check can refuse it.
    String csrf = page.locator("input[name=_csrf]").first().inputValue();
    assertThat(csrf).isNotBlank();
    var response = page.request().post(server.url("/evidence/" + server.id("clip1") + "/classify"),
        com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData
            .create().set("_csrf", csrf).set("component", "5").set("kind", "clip")));
    assertThat(response.status()).isEqualTo(403);
    int component = server.db.inTransaction(s -> s.find(Evidence.class, server.id("clip1")).getComponent());
    org.assertj.core.api.Assertions.assertThat(component).isEqualTo(2);
    page.close();
  }

  private String title() {
    return server.db.inTransaction(s -> s.find(Evidence.class, post).getTitle());
  }
}
