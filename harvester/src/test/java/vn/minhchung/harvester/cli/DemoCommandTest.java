package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;

/**
 * The README's first command end to end, in real Chromium: local demo sites, registry import, harvest and
 * capture of every channel, auto-linking; a second run that only adds what changed; a dossier that verifies.
 */
class DemoCommandTest {
  @TempDir Path data;

  /**
   * About 2 minutes on the shared 2-core machine at load 5, more than the default 120 s limit at load 18: the
   * limit is sized for a busy CI machine (about 4 times a quiet run), not for the best case.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void demoHarvestsCapturesAndLinksEverythingThenASecondRunOnlyAddsWhatChanged() throws Exception {
    // The same ports for both runs, as a user's runs have: the registry holds the sites' addresses.
    String base = Integer.toString(freeBasePort());
    CliRun first = CliRun.run(data, Map.of(), Clock.systemUTC(), "demo", "--no-serve", "--sites-port", base);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("Danh mục mẫu (registry)", "47 created, 0 updated", "Đã tạo tài khoản mẫu 'demo'")
        .contains("Trang Facebook FB-TTBN: đã kết nối bằng 'credentials set'")
        .contains("ZALO-CQSBN: partial", "Zalo OA ZALO-CQSBN chưa kết nối")
        .contains("[7/7]", "BAO-BN: success", "FB-TTBN: success", "YT-TTDN-BN: success",
            "CONG-TTDT-BN: success")
        .contains("FB-SKHCN: success (3 bài mới", "FB-XTH: blocked", "trang yêu cầu đăng nhập")
        .contains("ghi bù 9 ngày đã qua của đợt", "Người duyệt mẫu (demo): duyệt 10 ngày theo dõi banner")
        .contains("Rà soát mẫu kế hoạch KHTT-CDS-2025: 6 minh chứng được duyệt và xác nhận liên kết, 2 chuyển sang "
            + "thành phần 5");
    Matcher done = Pattern.compile("Xong: 7 kênh, (\\d+) ảnh chụp mới").matcher(first.out());
    assertThat(done.find()).as(first.out()).isTrue();
    int captures = Integer.parseInt(done.group(1));
    assertThat(captures).isGreaterThanOrEqualTo(20);
    Matcher created = Pattern.compile("Đã tạo tài khoản mẫu 'demo' \\(quản trị\\), mật khẩu ngẫu nhiên: (\\S+) ")
        .matcher(first.out());
    assertThat(created.find()).as(first.out()).isTrue();
    String password = created.group(1);
    assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    assertThat(filesHolding(data, password)).as("files of the data dir holding the demo password in clear").isEmpty();
    assertThat(Files.readString(data.resolve("demo/marker"))).startsWith("Dữ liệu của bản chạy thử (demo), tạo ngày ");

    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      // The unconnected OA was read from its public profile: facts, articles without counts, and the message.
      List<String> zaloProblems = db.inTransaction(s -> s.createSelectionQuery("select p.message from RunProblem p"
          + " where p.reasonCode = 'zalo_not_connected'", String.class).getResultList());
      assertThat(zaloProblems).singleElement().asString().contains("86.420 người quan tâm")
          .contains("cần kết nối tài khoản Zalo OA để có lượt xem và ngày đăng");
      long zaloFacts = db.inTransaction(s -> s.createSelectionQuery("select count(c) from ChannelSnapshot c where"
          + " c.followers = 86420 and c.verified = true", Long.class).getSingleResult());
      assertThat(zaloFacts).isEqualTo(1L);
      long ok = db.inTransaction(s -> s.createSelectionQuery(
          "select count(c) from Capture c where c.status = 'ok'", Long.class).getSingleResult());
      List<String> notOk = db.inTransaction(s -> s.createSelectionQuery("select concat(c.status, ' ', c.url, ': ',"
          + " coalesce(c.statusDetail, '')) from Capture c where c.status <> 'ok'", String.class).getResultList());
      assertThat(notOk).as("captures of the demo that are not good evidence").isEmpty();
      // "Xong" counts the harvest's captures; the nine past days of the banner watch were captured before it.
      assertThat(ok).as("good captures").isEqualTo(captures + 9L);
      long linkedEvidence = db.inTransaction(s -> s.createSelectionQuery(
          "select count(distinct l.evidence.id) from EvidenceLink l where l.state = 'suggested'", Long.class)
          .getSingleResult());
      assertThat(linkedEvidence).isGreaterThanOrEqualTo(20);
      // Every harvested evidence has a good capture, the Fanpage read through the browser included.
      List<String> withoutGoodCapture = db.inTransaction(s -> s.createSelectionQuery(
          "select e.url from Evidence e where e.source = 'harvested' and not exists "
              + "(select c from Capture c where c.post = e.post and c.status = 'ok')", String.class).getResultList());
      assertThat(withoutGoodCapture).isEmpty();
      // The 2025 communication plan's dashboard: targets met and not met, with the reasons.
      var plan = db.inTransaction(s -> vn.minhchung.review.progress.Progress.compute(s, "KHTT-CDS-2025",
          java.time.LocalDate.now(vn.minhchung.config.settings.Settings.ZONE)));
      var item1 = plan.items().get(0).targets();
      assertThat(item1).extracting(t -> t.summary() + (t.met() ? " (đạt)" : "")).containsExactly(
          "2/7 Clip phóng sự tuyên truyền về kết quả chuyển đổi số trên địa bàn tỉnh, 5–10 phút/clip",
          "1/1 Clip infographic 3D động (10–15 infographic/clip) (đạt)",
          "1/5 Infographic 2D tĩnh tuyên truyền kết quả chuyển đổi số của tỉnh");
      assertThat(item1.get(0).notCounted()).extracting(vn.minhchung.review.progress.TargetEvidence::reason)
          .contains("thời lượng 24:15 ngoài khoảng 5–10 phút");
      assertThat(plan.items().get(1).targets().get(0).met()).as("the Fanpage's NQ 57 video").isTrue();
    }

    // The second run serves the UI: a reviewer's "Thu thập ngay" and "Chụp lại" in Chromium go through the
    // scheduler and the capture service of the same process.
    StringWriter out = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    WebServing.stopSignal = stop;
    CompletableFuture<Integer> serving = null;
    String uiPort = Integer.toString(freePort());
    try {
      serving = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"--data",
          data.toString(), "demo", "--sites-port", base, "--port", uiPort}, new PrintWriter(out, true),
          new PrintWriter(new StringWriter(), true), Map.of(), Clock.systemUTC()));
      String url = awaitUrl(out, serving);
      String second = out.toString();
      assertThat(second).contains("0 created, 0 updated").doesNotContain("Đã tạo tài khoản mẫu")
          .contains("Rà soát mẫu kế hoạch KHTT-CDS-2025: 0 minh chứng được duyệt và xác nhận liên kết, 0 chuyển")
          .contains("FB-TTBN: success (0 bài mới", "10 số liệu", "BAO-BN: success (0 bài mới")
          .contains("Tài khoản mẫu 'demo' đã có từ lần chạy trước")
          .contains("Đăng nhập (login): tài khoản demo, mật khẩu đã in ở lần chạy đầu. Quên mật khẩu: java -jar "
              + "harvester/target/harvester.jar --data " + data.toAbsolutePath().normalize() + " users password demo")
          .doesNotContain(password);
      // At most one new capture: a post the demo's clock made new between the runs.
      assertThat(second).containsPattern("Xong: 7 kênh, [01] ảnh chụp mới");
      assertThat(second).contains("Zalo OA ZALO-CQSBN chưa kết nối. Một lần bấm").contains(url + "connect/zalo?channel=ZALO-CQSBN");
      clickHarvestNowAndCaptureAgain(url, password);
    } finally {
      stop.countDown();
      if (serving != null) {
        assertThat(serving.get(5, TimeUnit.MINUTES)).as(out.toString()).isZero();
      }
      WebServing.stopSignal = null;
    }

    Path zip = data.resolve("ho-so.zip");
    CliRun export = CliRun.run(data, "export", "--plan", "110/KH-UBND", "--all-statuses", "--out", zip.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.size(zip)).isPositive();
    CliRun verify = CliRun.run(data, "verify", zip.toString());
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Hồ sơ nguyên vẹn");
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      com.fasterxml.jackson.databind.JsonNode series = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(z.getInputStream(z.getEntry("theo-doi-banner.json")));
      List<String> states = new java.util.ArrayList<>();
      series.get(0).path("days").forEach(d -> states.add(d.path("periodDay").asText() + " " + d.path("state").asText()));
      assertThat(states).as("the portal's banner series: ten days, the fourth without the banner").containsExactly(
          "ngày thứ 1 trong 10 shown", "ngày thứ 2 trong 10 shown", "ngày thứ 3 trong 10 shown", "ngày thứ 4 trong 10 absent", "ngày thứ 5 trong 10 shown",
          "ngày thứ 6 trong 10 shown", "ngày thứ 7 trong 10 shown", "ngày thứ 8 trong 10 shown", "ngày thứ 9 trong 10 shown", "ngày thứ 10 trong 10 shown");
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void withoutABrowserTheDemoStillHarvestsAndSaysHowToInstallOne() throws Exception {
    CliRun r = CliRun.run(data, Map.of("HARVESTER_BROWSER_EXECUTABLE", data.resolve("no-chromium").toString()),
        Clock.systemUTC(), "demo", "--no-serve", "--sites-port", Integer.toString(freeBasePort()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("FB-TTBN: success (10 bài mới", "ảnh chụp 0/0 đạt")
        .contains("! Không chụp được", "apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji")
        .contains("Xong: 7 kênh, 0 ảnh chụp mới");
    assertThat(r.out().split("! Không chụp được", -1)).as("the hint is printed once").hasSize(2);
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void refusesADataDirectoryHoldingDataItDidNotMake() throws Exception {
    UsersCommand.stdin = new java.io.ByteArrayInputStream("Mat-khau-rat-dai-2026\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(CliRun.run(data, "users", "add", "quantri", "--role", "admin").exitCode()).isZero();
    } finally {
      UsersCommand.stdin = System.in;
    }

    CliRun r = CliRun.run(data, Map.of(), Clock.systemUTC(), "demo", "--no-serve", "--sites-port",
        Integer.toString(freeBasePort()));

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("thư mục dữ liệu " + data.toAbsolutePath().normalize() + " đã có dữ liệu không do "
        + "bản chạy thử tạo ra (1 người dùng)", "--data ./demo-data");
    assertThat(data.resolve("demo")).doesNotExist();
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      long units = db.inTransaction(s -> s.createSelectionQuery("select count(u) from Unit u", Long.class)
          .getSingleResult());
      assertThat(units).as("units imported into the refused directory").isZero();
    }
  }

  @Test
  void aDirectoryOfAnEarlierDemoRunIsItsOwnAndGetsTheMarker() throws Exception {
    Files.createDirectories(data.resolve("demo"));
    Files.writeString(data.resolve("demo/anchor"), "2026-11-01T01:00:00Z\n");
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      db.runInTransaction(s -> s.persist(new vn.minhchung.storage.registry.Unit("BBN", "Báo Bắc Ninh",
          java.time.Instant.parse("2026-11-01T01:00:00Z"))));
      DemoData.claim(data, db, java.time.Instant.parse("2026-11-20T03:00:00Z"));
    }
    assertThat(Files.readString(data.resolve("demo/marker"))).contains("tạo ngày 20/11/2026");
  }

  /** Regular files under {@code dir} whose bytes contain the ASCII {@code text}. */
  private static List<Path> filesHolding(Path dir, String text) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> {
        try {
          return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static String awaitUrl(StringWriter out, CompletableFuture<Integer> serving) throws Exception {
    Pattern url = Pattern.compile("\\(review web UI\\): (http://127\\.0\\.0\\.1:\\d+/)");
    for (int i = 0; i < 3600; i++) {
      Matcher m = url.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      assertThat(serving).as(out.toString()).isNotDone();
      Thread.sleep(100);
    }
    throw new AssertionError("the demo did not start its UI within 6 minutes:\n" + out);
  }

  /** Logs in as the demo user, harvests Facebook now and captures one evidence item again, in Chromium. */
  private void clickHarvestNowAndCaptureAgain(String base, String password) throws Exception {
    long evidenceId;
    long channelId;
    long zaloId;
    int capturesBefore;
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      channelId = db.inTransaction(s -> s.createSelectionQuery("select c.id from Channel c where c.code = 'FB-TTBN'",
          Long.class).getSingleResult());
      zaloId = db.inTransaction(s -> s.createSelectionQuery("select c.id from Channel c where c.code = 'ZALO-CQSBN'",
          Long.class).getSingleResult());
      evidenceId = db.inTransaction(s -> s.createSelectionQuery("select min(e.id) from Evidence e "
          + "where e.channel.id = :c", Long.class).setParameter("c", channelId).getSingleResult());
      capturesBefore = count(db, "select count(c) from Capture c where c.post = (select e.post from Evidence e "
          + "where e.id = " + evidenceId + ")");
    }
    try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser chromium = pw.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run")));
      Page page = chromium.newPage(new Browser.NewPageOptions().setViewportSize(1366, 900).setLocale("vi-VN"));
      page.navigate(base + "login");
      page.getByLabel("Tên đăng nhập").fill(DemoCommand.USER);
      page.getByLabel("Mật khẩu").fill(password);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
      assertThat(page).hasURL(base);

      // The one click the demo prints: the OA admin's consent on Zalo's (stand-in) page, back to the UI.
      page.navigate(base + "accounts");
      assertThat(page.locator("tr[data-channel=ZALO-CQSBN]")).containsText("Chưa kết nối");
      assertThat(page.locator("tr[data-channel=YT-TTDN-BN]")).containsText("Dùng khóa chung");
      page.locator("tr[data-channel=ZALO-CQSBN]").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator
          .GetByRoleOptions().setName("Kết nối")).click();
      assertThat(page.locator("h1")).containsText("Cấp quyền cho ứng dụng");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Đồng ý")).click();
      assertThat(page.locator("h1")).containsText("Đã kết nối Zalo OA");
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Về trang Tài khoản kết nối")).click();
      assertThat(page.locator("tr[data-channel=ZALO-CQSBN]")).containsText("Đang hoạt động");
      assertThat(page.locator("tr[data-channel=FB-TTBN]")).containsText("Đang hoạt động");
      page.navigate(base + "channels/" + zaloId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thu thập ngay")).click();
      assertThat(page.locator("body")).containsText("Đã bắt đầu thu thập kênh ZALO-CQSBN");

      page.navigate(base + "channels/" + channelId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thu thập ngay")).click();
      assertThat(page.locator("body")).containsText("Đã bắt đầu thu thập kênh FB-TTBN");

      page.navigate(base + "evidence/" + evidenceId);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chụp lại")).click();
      chromium.close();
    }
    try (Database db = Database.open(DatabaseTarget.embedded(data.resolve("db")))) {
      awaitCount(db, "select count(r) from HarvestRun r where r.triggerKind = 'ui' and r.status <> 'running' "
          + "and r.channel.id = " + channelId, 1);
      awaitCount(db, "select count(r) from HarvestRun r where r.triggerKind = 'ui' and r.status = 'success' "
          + "and r.channel.id = " + zaloId, 1);
      assertThat(count(db, "select count(p) from Post p where p.channel.id = " + zaloId)).as("Zalo articles")
          .isGreaterThanOrEqualTo(5);
      awaitCount(db, "select count(c) from Capture c where c.status = 'ok' and c.post = "
          + "(select e.post from Evidence e where e.id = " + evidenceId + ")", capturesBefore + 1);
    }
  }

  private static int count(Database db, String hql) {
    return db.inTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult()).intValue();
  }

  private static void awaitCount(Database db, String hql, int atLeast) throws InterruptedException {
    for (int i = 0; i < 2400 && count(db, hql) < atLeast; i++) {
      Thread.sleep(100);
    }
    assertThat(count(db, hql)).as(hql).isGreaterThanOrEqualTo(atLeast);
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A base port whose next five ports are free on the loopback address. */
  private static int freeBasePort() throws java.io.IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
        base = probe.getLocalPort() - 1;
      }
      if (base + 5 > 65_535) {
        continue;
      }
      boolean free = true;
      for (int i = 1; i <= 5 && free; i++) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(base + i, 1, java.net.InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no five consecutive free ports found on 127.0.0.1");
  }
}
