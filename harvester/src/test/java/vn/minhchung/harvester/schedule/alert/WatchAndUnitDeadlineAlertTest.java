package vn.minhchung.harvester.schedule.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.UnitDeadlines;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/**
 * Alerts driven by a controllable clock, day by day: a watched banner page (seed 004, 01/10–10/10) and the
 * cascaded deadlines of seed 002 (units report to Sở VHTTDL by 28/12/2025, xã Bát Xát by 26/12/2025, the Sở reports
 * by 31/12/2025).
 */
class WatchAndUnitDeadlineAlertTest {
  static final Instant REGISTERED = at(LocalDate.of(2026, 9, 1));

  @TempDir Path dir;

  static Instant at(LocalDate day) {
    return day.atTime(LocalTime.of(9, 0)).atZone(Settings.ZONE).toInstant();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void watchedPageIsNotStaleOutsideItsPeriodAndRaisesAnAlertTheFirstDayTheBannerIsMissing(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        Unit u = new Unit("TH-STTTT", "Sở Thông tin và Truyền thông tỉnh Thanh Hóa", REGISTERED);
        s.persist(u);
        Channel c = new Channel("TH-BANNER", u, ChannelKind.WEB_PAGE, "Cổng TTĐT Sở TT&TT Thanh Hóa",
            "https://stttt.thanhhoa.gov.vn/", REGISTERED);
        c.setOptionsJson("{\"watchSelector\":\"img[alt*='Chuyển đổi số']\",\"watchFrom\":\"01/10/2026\","
            + "\"watchTo\":\"10/10/2026\"}");
        s.persist(c);
      });
      AlertService.CheckResult none = new AlertService.CheckResult(0, 0, 0, 0);
      assertThat(check(db, LocalDate.of(2026, 9, 30))).as("a month registered, before the period").isEqualTo(none);
      assertThat(open(db, LocalDate.of(2026, 10, 3))).as("no run since the period began two days ago")
          .containsExactly("stale_channel:TH-BANNER");

      for (int d = 1; d <= 10; d++) {
        LocalDate day = LocalDate.of(2026, 10, d);
        db.runInTransaction(s -> watchDay(s, day, !day.equals(LocalDate.of(2026, 10, 4))));
        List<String> open = open(db, day);
        if (d == 4) {
          assertThat(open).containsExactly("banner_missing:TH-BANNER");
          Alert a = alert(db, "banner_missing:TH-BANNER");
          assertThat(a.getTitle()).isEqualTo("Không thấy banner trên Cổng TTĐT Sở TT&TT Thanh Hóa ngày 04/10/2026");
          assertThat(a.getMessage()).startsWith("Trang https://stttt.thanhhoa.gov.vn/ (kênh TH-BANNER, Sở Thông tin và"
              + " Truyền thông tỉnh Thanh Hóa) không hiển thị banner cần theo dõi trong đợt 01/10/2026–10/10/2026 vào"
              + " ngày 04/10/2026.");
        } else {
          assertThat(open).as("day %s", day).isEmpty();
        }
      }
      assertThat(open(db, LocalDate.of(2026, 12, 31))).as("weeks after the period").isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void eachUnitIsRemindedBeforeOnAndWeeklyAfterItsOwnDeadlineUntilItsEvidenceIsThere(DatabaseTarget target) {
    LocalDate start = LocalDate.of(2025, 12, 20);
    try (Database db = TestDatabases.open(target)) {
      long itemId = db.inTransaction(s -> {
        Unit lead = new Unit("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai", REGISTERED);
        Unit khcn = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Lào Cai", REGISTERED);
        Unit xa = new Unit("XA-BAT-XAT", "Ủy ban nhân dân xã Bát Xát", REGISTERED);
        List.of(lead, khcn, xa).forEach(s::persist);
        Plan plan = new Plan("18-KH/BCĐ", "Kế hoạch truyền thông thúc đẩy chuyển đổi số", REGISTERED);
        s.persist(plan);
        PlanItem item = new PlanItem(plan, "IV", "Báo cáo kết quả thực hiện công tác truyền thông về chuyển đổi số",
            REGISTERED);
        item.setLead(lead);
        item.getCooperating().addAll(List.of(khcn, xa));
        item.setDeadline(LocalDate.of(2025, 12, 31));
        item.setComponents("1,2");
        item.setUnitDeadlines(new UnitDeadlines(LocalDate.of(2025, 12, 28),
            Map.of("XA-BAT-XAT", LocalDate.of(2025, 12, 26))));
        plan.getItems().add(item);
        s.persist(item);
        s.flush();
        return item.getId();
      });
      Settings settings = Settings.of(dir, Map.of("alerts.deadlineDays", "3"));
      Map<String, String> stages = new HashMap<>();
      List<String> announced = new ArrayList<>();
      for (LocalDate day = start; !day.isAfter(LocalDate.of(2026, 1, 10)); day = day.plusDays(1)) {
        if (day.equals(LocalDate.of(2025, 12, 29))) {
          db.runInTransaction(s -> upload(s, itemId, "SKHCN", 1));
        }
        new AlertService(db, settings, Clock2.at(at(day)), Optional.empty()).check();
        for (Alert a : db.inTransaction(s -> s.createSelectionQuery("from Alert a where a.status = 'open' order by a.key",
            Alert.class).getResultList())) {
          if (!a.getNoticeStage().equals(stages.put(a.getKey(), a.getNoticeStage()))) {
            announced.add(day.getDayOfMonth() + "/" + day.getMonthValue() + " " + a.getTitle());
          }
        }
      }
      assertThat(announced).containsExactly(
          "23/12 Đơn vị XA-BAT-XAT: nhiệm vụ IV (18-KH/BCĐ) đến hạn gửi 26/12/2025 (còn 3 ngày), chưa có minh chứng",
          "25/12 Đơn vị SKHCN: nhiệm vụ IV (18-KH/BCĐ) đến hạn gửi 28/12/2025 (còn 3 ngày), chưa có minh chứng",
          "26/12 Đơn vị XA-BAT-XAT: nhiệm vụ IV (18-KH/BCĐ) đến hạn gửi 26/12/2025 (hôm nay), chưa có minh chứng",
          "27/12 Đơn vị XA-BAT-XAT: nhiệm vụ IV (18-KH/BCĐ) quá hạn gửi 1 ngày (hạn 26/12/2025), chưa có minh chứng",
          "28/12 Nhiệm vụ IV (18-KH/BCĐ) đến hạn 31/12/2025 còn thiếu minh chứng",
          "28/12 Đơn vị SKHCN: nhiệm vụ IV (18-KH/BCĐ) đến hạn gửi 28/12/2025 (hôm nay), chưa có minh chứng",
          "3/1 Đơn vị XA-BAT-XAT: nhiệm vụ IV (18-KH/BCĐ) quá hạn gửi 8 ngày (hạn 26/12/2025), chưa có minh chứng",
          "10/1 Đơn vị XA-BAT-XAT: nhiệm vụ IV (18-KH/BCĐ) quá hạn gửi 15 ngày (hạn 26/12/2025), chưa có minh chứng");
      List<String> open = db.inTransaction(s -> s.createSelectionQuery("select a.key from Alert a where a.status ="
          + " 'open' order by a.key", String.class).getResultList());
      assertThat(open).as("SKHCN's upload on 29/12 cleared its alert and the item's").containsExactly(
          "deadline_evidence:18-KH/BCĐ/IV@XA-BAT-XAT");
      Alert xa = alert(db, "deadline_evidence:18-KH/BCĐ/IV@XA-BAT-XAT");
      assertThat(xa.getMessage()).isEqualTo("Ủy ban nhân dân xã Bát Xát chưa có minh chứng được xác nhận và duyệt cho"
          + " nhiệm vụ IV – Báo cáo kết quả thực hiện công tác truyền thông về chuyển đổi số (Kế hoạch 18-KH/BCĐ), quá"
          + " hạn gửi 15 ngày (hạn 26/12/2025). Đơn vị gửi kết quả cho Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai"
          + " trước khi nhiệm vụ đến hạn 31/12/2025; thành phần minh chứng cần có: 1, 2. Nhắc lại hằng tuần đến khi"
          + " có minh chứng.");

      db.runInTransaction(s -> upload(s, itemId, "XA-BAT-XAT", 5));
      new AlertService(db, settings, Clock2.at(at(LocalDate.of(2026, 1, 11))), Optional.empty()).check();
      assertThat(alert(db, "deadline_evidence:18-KH/BCĐ/IV@XA-BAT-XAT").isOpen())
          .as("component 5 is not expected of this item").isTrue();
      db.runInTransaction(s -> upload(s, itemId, "XA-BAT-XAT", 2));
      new AlertService(db, settings, Clock2.at(at(LocalDate.of(2026, 1, 11))), Optional.empty()).check();
      assertThat(alert(db, "deadline_evidence:18-KH/BCĐ/IV@XA-BAT-XAT").isOpen()).isFalse();
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static void upload(Session s, long itemId, String unit, int component) {
    Evidence e = new Evidence(component, "uploaded", "Báo cáo kết quả truyền thông chuyển đổi số năm 2025", REGISTERED);
    e.setUnit(s.createSelectionQuery("from Unit u where u.code = :c", Unit.class).setParameter("c", unit)
        .getSingleResult());
    e.setStatus("approved");
    s.persist(e);
    s.persist(new EvidenceLink(e, s.get(PlanItem.class, itemId), "manual", "confirmed", null, "tonghop", REGISTERED));
  }

  private static void watchDay(Session s, LocalDate day, boolean shown) {
    Channel c = s.createSelectionQuery("from Channel c where c.code = 'TH-BANNER'", Channel.class).getSingleResult();
    Post p = new Post(c, "watch:" + day, "page_watch", c.getUrl(), c.getUrl(), at(day));
    p.setFlags(shown ? null : "watch_absent");
    s.persist(p);
    HarvestRun r = new HarvestRun(c, at(day), "schedule", "test");
    r.finish(HarvestRun.Status.SUCCESS, at(day).plusSeconds(20), 1, 0, 1, 0, 0, null);
    s.persist(r);
  }

  private AlertService.CheckResult check(Database db, LocalDate day) {
    return new AlertService(db, Settings.of(dir, Map.of()), Clock2.at(at(day)), Optional.empty()).check();
  }

  private List<String> open(Database db, LocalDate day) {
    check(db, day);
    return db.inTransaction(s -> s.createSelectionQuery("select a.key from Alert a where a.status = 'open'"
        + " order by a.key", String.class).getResultList());
  }

  private static Alert alert(Database db, String key) {
    return db.inTransaction(s -> s.createSelectionQuery("from Alert a where a.key = :k", Alert.class)
        .setParameter("k", key).getSingleResult());
  }

  /** A fixed clock at one moment of the simulated calendar. */
  private static final class Clock2 {
    static java.time.Clock at(Instant t) {
      return java.time.Clock.fixed(t, java.time.ZoneOffset.UTC);
    }
  }
}
