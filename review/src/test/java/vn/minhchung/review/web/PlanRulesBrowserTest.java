package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.minhchung.storage.audit.AuditEvent;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Plan rules in real Chromium: an admin changes the evidence components an item expects and the dashboard
 * follows; reviewers filter the queue by a specification flag and see the flags on the evidence page.
 */
class PlanRulesBrowserTest extends BrowserTestBase {
  @Test
  void adminNarrowsTheExpectedComponentsAndATargetsComponentCannotBeDropped() {
    long ii2 = server.fixture.items.get("II.2").getId();
    Page page = login("quantri");
    Locator row = page.locator("table.items tr", new Page.LocatorOptions().setHasText("II.2"));
    assertThat(row).containsText("Thành phần yêu cầu: 1, 2, 3, 5");
    assertThat(row).containsText("chưa có ấn phẩm trực quan");
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sửa")).click();
    assertThat(page.locator("h1")).hasText("Thành phần minh chứng của nhiệm vụ II.2");

    // Component 2 carries the clip target: unticking it is refused, and the form keeps what was chosen.
    page.locator("input[name=component][value='2']").uncheck();
    page.locator("input[name=component][value='5']").uncheck();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
    assertThat(page.locator(".alert-error")).containsText("chỉ tiêu thuộc thành phần 2");
    assertThat(page.locator("input[name=component][value='2']")).not().isChecked();
    assertThat(page.locator("input[name=component][value='1']")).isChecked();
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("item-components.png")));

    page.locator("input[name=component][value='2']").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu")).click();
    assertThat(page.locator(".flash")).hasText("Đã lưu thành phần minh chứng của nhiệm vụ II.2: 1, 2, 3.");
    row = page.locator("table.items tr", new Page.LocatorOptions().setHasText("II.2"));
    assertThat(row).containsText("Thành phần yêu cầu: 1, 2, 3");
    assertThat(row).not().containsText("ấn phẩm trực quan");
    assertThat(page.locator("table.matrix tr", new Page.LocatorOptions().setHasText("II.2")).locator("td.cell-na"))
        .hasCount(3);

    PlanItem saved = server.db.inTransaction(s -> s.find(PlanItem.class, ii2));
    assertThat(saved.getComponents()).isEqualTo("1,2,3");
    List<AuditEvent> audit = server.db.inTransaction(s -> s.createSelectionQuery(
        "from AuditEvent a where a.action = 'plan_item.components'", AuditEvent.class).getResultList());
    assertThat(audit).singleElement().satisfies(a -> {
      assertThat(a.getActor()).isEqualTo("quantri");
      assertThat(a.getAfterJson()).contains("\"components\":\"1,2,3\"");
    });
  }

  @Test
  void reviewersSeeTheComponentsButCannotChangeThem() {
    Page page = login("canbo");
    Locator row = page.locator("table.items tr", new Page.LocatorOptions().setHasText("II.3.1"));
    assertThat(row).containsText("Thành phần yêu cầu: 5");
    assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sửa"))).hasCount(0);
    var response = page.navigate(server.url("/items/" + server.fixture.items.get("II.3.1").getId() + "/components"));
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void specificationFlagsFilterTheQueueAndShowOnTheEvidencePage() {
    long clip5 = server.fixture.evidence.get("clip5").getId();
    long fbDay = server.fixture.evidence.get("fb-ngay").getId();
    server.db.runInTransaction(s -> {
      s.find(vn.minhchung.storage.evidence.Evidence.class, clip5).getPost().setFlags("duration_out_of_spec");
      // Linked to II.3.1, due 10/10/2026: a post of 20/10 is outside the item's time.
      s.find(vn.minhchung.storage.evidence.Evidence.class, fbDay).getPost()
          .setPostedAt(java.time.Instant.parse("2026-10-20T02:00:00Z"));
    });
    Page page = login("canbo");
    page.navigate(server.url("/evidence"));
    page.getByLabel("Cờ cảnh báo").selectOption("duration_out_of_spec");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
    Locator rows = page.locator("table.queue tbody tr");
    assertThat(rows).hasCount(1);
    assertThat(rows.first().locator(".badge-flag")).hasText("thời lượng ngoài khoảng");
    assertThat(page.getByLabel("Cờ cảnh báo")).hasValue("duration_out_of_spec");

    page.navigate(server.url("/evidence/" + fbDay));
    assertThat(page.locator(".page-head .badge-flag"))
        .containsText("ngày đăng ngoài thời gian của nhiệm vụ II.3.1 (hạn 10/10/2026)");
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("evidence-flags.png")));
  }
}
