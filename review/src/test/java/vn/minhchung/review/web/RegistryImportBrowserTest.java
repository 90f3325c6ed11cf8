package vn.minhchung.review.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;

/** "Nhập danh mục từ Excel" in real Chromium: every problem with sheet/row/column first, then one transaction. */
@Timeout(180)
class RegistryImportBrowserTest extends BrowserTestBase {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** Units, a 2026 communication plan and two items, with the given lead of item II.2 and plan issue date. */
  static byte[] workbook(String unitName, String lead, String issuedOn) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      rows(wb.createSheet("units"), List.of("code", "name", "parent"),
          List.of("TTTT-BN", unitName, "UBND-BN"));
      rows(wb.createSheet("plans"), List.of("code", "title", "issuer", "issuedOn"),
          List.of("KHTT-CDS-2026", "Kế hoạch truyền thông về chuyển đổi số năm 2026", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
              issuedOn));
      rows(wb.createSheet("items"), List.of("plan", "code", "title", "lead", "deadline", "components"),
          List.of("KHTT-CDS-2026", "II.1", "Sản xuất 7 clip phóng sự về chuyển đổi số", "TTTT-BN", "15/12/2026", "2, 5"),
          List.of("KHTT-CDS-2026", "II.2", "Đăng tải infographic trên Fanpage và Zalo OA", lead, "20/12/2026", "2, 5"));
      wb.write(out);
      return out.toByteArray();
    }
  }

  @SafeVarargs
  private static void rows(Sheet sheet, List<String> header, List<String>... rows) {
    Row h = sheet.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      h.createCell(i).setCellValue(header.get(i));
    }
    for (int r = 0; r < rows.length; r++) {
      Row row = sheet.createRow(r + 1);
      for (int i = 0; i < rows[r].size(); i++) {
        row.createCell(i).setCellValue(rows[r].get(i));
      }
    }
  }

  private long plans(String code) {
    return server.db.inTransaction(s -> s.createSelectionQuery("select count(p) from Plan p where p.code = :c", Long.class)
        .setParameter("c", code).getSingleResult());
  }

  @Test
  void workbookWithErrorsShowsEveryProblemAndWritesNothingThenTheFixedOneIsApplied() throws IOException {
    Page page = login("quantri");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Danh mục").setExact(true)).click();
    page.getByLabel("Tệp Excel (.xlsx)").setInputFiles(new FilePayload("danh-muc-2026.xlsx", XLSX,
        workbook("", "SO-KHONG-CO", "31/02/2026")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiểm tra tệp")).click();
    assertThat(page.locator(".flash-error")).containsText("Tệp danh-muc-2026.xlsx có 3 lỗi; chưa ghi gì vào danh mục.");
    Locator rows = page.locator("table.problems tbody tr");
    assertThat(rows).hasCount(3);
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/registry-import-errors.png")).setFullPage(true));
    List<String> cells = rows.allInnerTexts();
    assertThat(cells).containsExactlyInAnyOrder(
        "units\t2\tA\tname\tthiếu; trường này bắt buộc",
        "plans\t2\tD\tissuedOn\tcần ngày dạng dd/MM/yyyy (ví dụ 15/11/2026), ô đang ghi '31/02/2026'",
        "items\t3\tD\tlead\tkhông có đơn vị 'SO-KHONG-CO'; thêm đơn vị này vào trang units hoặc sửa mã");
    assertThat(plans("KHTT-CDS-2026")).isZero();
    long units = server.db.inTransaction(s -> s.createSelectionQuery("select count(u) from Unit u where u.code = 'TTTT-BN'",
        Long.class).getSingleResult());
    assertThat(units).isZero();

    page.getByLabel("Tệp Excel (.xlsx)").setInputFiles(new FilePayload("danh-muc-2026.xlsx", XLSX,
        workbook("Trung tâm Truyền thông tỉnh Bắc Ninh", "SKHCN", "05/01/2026")));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kiểm tra tệp")).click();
    assertThat(page.locator(".preview")).containsText("Tệp danh-muc-2026.xlsx không có lỗi: 1 đơn vị, 0 kênh, 1 kế hoạch"
        + " (2 nhiệm vụ, 0 chỉ tiêu). Chưa ghi gì");
    assertThat(plans("KHTT-CDS-2026")).isZero();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Áp dụng danh mục")).click();
    assertThat(page.locator(".flash")).containsText("Đã nhập danh mục từ danh-muc-2026.xlsx: 1 đơn vị, 0 kênh, 1 kế hoạch"
        + " (2 nhiệm vụ, 0 chỉ tiêu)");
    assertThat(page.locator("section.card h2", new Page.LocatorOptions().setHasText("Kế hoạch KHTT-CDS-2026"))).isVisible();
    Plan plan = server.db.inTransaction(s -> {
      Plan p = s.createSelectionQuery("from Plan p where p.code = 'KHTT-CDS-2026'", Plan.class).getSingleResult();
      p.getItems().forEach(i -> i.getLead().getCode());
      return p;
    });
    assertThat(plan.getItems()).extracting(PlanItem::getCode).containsExactly("II.1", "II.2");
    assertThat(plan.getItems().get(1).getLead().getCode()).isEqualTo("SKHCN");
    long imports = server.db.inTransaction(s -> s.createSelectionQuery(
        "select count(a) from AuditEvent a where a.action = 'registry.import' and a.actor = 'quantri'", Long.class)
        .getSingleResult());
    assertThat(imports).isEqualTo(1L);
    page.context().close();
  }

  @Test
  void itemAndUnitAreEditedWithTheImportRulesAndAudited() {
    Page page = login("quantri");
    page.navigate(server.url("/registry"));
    page.getByLabel("Thêm nhiệm vụ vào 110/KH-UBND").click();
    assertThat(page.locator("h1")).hasText("Thêm nhiệm vụ");
    page.getByLabel("Mã").fill("II.4.1.a");
    page.getByLabel("Nội dung nhiệm vụ").fill("Xây dựng infographic về Luật Chuyển đổi số");
    page.getByLabel("Chủ trì").selectOption("SKHCN");
    page.getByLabel("Hạn").fill("2026-12-12");
    page.getByLabel("Riêng cho nhiệm vụ này (không chọn gì: chỉ cần báo cáo)").check();
    page.locator("input[name=component][value='2']").check();
    Locator emptyRow = page.locator("fieldset.targets tbody tr").last();
    emptyRow.locator("select[name='t.component']").selectOption("5");
    emptyRow.locator("input[name='t.count']").fill("3");
    emptyRow.locator("input[name='t.description']").fill("Infographic tĩnh về Ngày Chuyển đổi số");
    emptyRow.locator("select[name='t.kind']").selectOption("infographic_2d");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
    // The file import's rule: a target's component must be expected by the item.
    assertThat(page.locator(".flash-error")).containsText("chỉ tiêu thuộc thành phần 5");
    assertThat(page.locator("fieldset.targets tbody tr input[name='t.description']").nth(0))
        .hasValue("Infographic tĩnh về Ngày Chuyển đổi số");
    assertThat(page.locator("fieldset.targets tbody tr select[name='t.kind']").nth(0)).hasValue("infographic_2d");
    page.locator("input[name=component][value='5']").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
    assertThat(page.locator(".flash")).hasText("Đã lưu nhiệm vụ II.4.1.a của kế hoạch 110/KH-UBND.");
    PlanItem item = server.db.inTransaction(s -> {
      PlanItem i = s.createSelectionQuery("from PlanItem i where i.code = 'II.4.1.a'", PlanItem.class).getSingleResult();
      i.getTargets().size();
      i.getLead().getCode();
      return i;
    });
    assertThat(item.getDeadline()).isEqualTo(java.time.LocalDate.of(2026, 12, 12));
    assertThat(item.getLead().getCode()).isEqualTo("SKHCN");
    assertThat(item.getComponents()).contains("2").contains("5");
    assertThat(item.getTargets()).singleElement().satisfies(t -> {
      assertThat(t.getComponent()).isEqualTo(5);
      assertThat(t.getCount()).isEqualTo(3);
      assertThat(t.getKind()).isEqualTo("infographic_2d");
    });

    page.getByLabel("Sửa đơn vị STP").click();
    page.getByLabel("Trực thuộc").selectOption("STP");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
    assertThat(page.locator(".flash-error")).containsText("đơn vị không thể trực thuộc chính nó");
    page.getByLabel("Tên đơn vị").fill("Sở Tư pháp tỉnh Bắc Ninh (mới)");
    page.getByLabel("Trực thuộc").selectOption("UBND-BN");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
    assertThat(page.locator(".flash")).hasText("Đã lưu đơn vị STP.");
    List<String> audits = server.db.inTransaction(s -> s.createSelectionQuery("select a.action || ' ' || a.entityId"
        + " from AuditEvent a where a.action in ('registry.create', 'registry.update') and a.actor = 'quantri'", String.class)
        .getResultList());
    assertThat(audits).contains("registry.create 110/KH-UBND II.4.1.a", "registry.update STP");
    page.context().close();
  }
}
