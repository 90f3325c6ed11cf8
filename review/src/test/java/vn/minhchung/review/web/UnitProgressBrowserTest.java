package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Minh chứng theo đơn vị" in Chromium: the lead and cooperating units of each item that expects evidence, what
 * each gave (approved behind a confirmed link, from its channels or in its name) and what is still missing from it.
 */
@Timeout(120)
class UnitProgressBrowserTest extends BrowserTestBase {
  private static List<String> row(Page page, String item, String unit) {
    Locator rows = page.locator("#units-progress tbody tr");
    for (int i = 0; i < rows.count(); i++) {
      List<String> cells = rows.nth(i).locator("td").allInnerTexts().stream().map(String::strip).toList();
      if (cells.get(0).equals(item) && cells.get(1).equals(unit)) {
        return cells;
      }
    }
    throw new AssertionError("no row " + item + " / " + unit);
  }

  @Test
  void eachUnitOfAnItemShowsWhatItGaveAndWhatIsMissing() {
    Page page = login("xem");
    page.navigate(server.url("/?plan=110/KH-UBND"));
    page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Theo đơn vị"))
        .click();
    assertThat(page.locator("h1")).hasText("Minh chứng theo đơn vị");
    shot(page, "units-progress");

    // II.2 expects 1, 2, 3, 5: the lead's YouTube clips (component 2) are approved; its cooperating units gave nothing.
    List<String> lead = row(page, "II.2", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    assertThat(lead.get(2)).isEqualTo("chủ trì");
    assertThat(lead.get(3)).startsWith("15/11/2026");
    assertThat(lead.get(4)).isEqualTo("Đã có");
    assertThat(lead.get(5)).isEqualTo("2");
    assertThat(lead.get(6)).isEqualTo("bài báo điện tử, bản scan báo in, ấn phẩm trực quan");
    assertThat(row(page, "II.2", "Sở Tư pháp tỉnh Bắc Ninh")).containsSubsequence("phối hợp", "Chưa có", "—");
    assertThat(row(page, "II.2", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh")).contains("phối hợp", "Chưa có");
    // II.3.1's infographic came from the Fanpage of another unit: its lead has nothing from its own channels.
    assertThat(row(page, "II.3.1", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh")).contains("chủ trì", "Chưa có");
    assertThat(page.locator("#units-progress tbody tr")).hasCount(5);

    // Every row here misses something, so "only missing" keeps all five; an unknown plan is a Vietnamese 404.
    page.getByLabel("Chỉ đơn vị còn thiếu").check();
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
    page.waitForURL("**missing=1**");
    assertThat(page.locator("#units-progress tbody tr")).hasCount(5);
    page.navigate(server.url("/units-progress?plan=KHONG-CO"));
    assertThat(page.locator("h1")).containsText("Không tìm thấy");
    page.context().close();
  }
}
