package vn.minhchung.harvester.schedule.alert;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

class AlertServiceTest {
  /** 09:00 on 10/11/2026 in Hà Nội. */
  private static final Instant NOW = Instant.parse("2026-11-10T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void staleAndFailingChannelsRaiseOneAlertEachUntilTheyRecover(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW.minus(days(30)));
        s.persist(unit);
        Channel bao = channel(s, unit, "BAO-BN", ChannelKind.NEWS_SITE, "Báo Bắc Ninh", NOW.minus(days(10)));
        run(s, bao, NOW.minus(days(5)), HarvestRun.Status.SUCCESS, null);
        run(s, bao, NOW.minus(days(3)), HarvestRun.Status.FAILED, "HTTP 503");
        run(s, bao, NOW.minus(days(2)), HarvestRun.Status.FAILED, "HTTP 503");
        run(s, bao, NOW.minus(days(1)), HarvestRun.Status.FAILED, "baobacninhtv.vn: hết thời gian chờ (20 giây)");
        Channel fb = channel(s, unit, "FB-TTBN", ChannelKind.FACEBOOK_PAGE, "Truyền thông Bắc Ninh", NOW.minus(days(10)));
        run(s, fb, NOW.minus(Duration.ofHours(1)), HarvestRun.Status.PARTIAL, null);
        channel(s, unit, "ZALO-BN", ChannelKind.ZALO_OA, "Zalo Bắc Ninh", NOW.minus(days(1)));
      });
      AlertService alerts = new AlertService(db, settings(Map.of()), CLOCK, Optional.empty());

      assertThat(alerts.check()).isEqualTo(new AlertService.CheckResult(2, 0, 2, 0));
      List<AlertView> open = alerts.list(false);
      assertThat(open).extracting(AlertView::key).containsExactlyInAnyOrder("stale_channel:BAO-BN", "failure_streak:BAO-BN");
      AlertView streak = open.stream().filter(a -> a.kind().equals("failure_streak")).findFirst().orElseThrow();
      assertThat(streak.title()).isEqualTo("Kênh BAO-BN thất bại 3 lần liên tiếp");
      assertThat(streak.message()).isEqualTo("Kênh Báo Bắc Ninh (BAO-BN) thất bại 3 lần liên tiếp. Lỗi gần nhất: "
          + "baobacninhtv.vn: hết thời gian chờ (20 giây).");
      AlertView stale = open.stream().filter(a -> a.kind().equals("stale_channel")).findFirst().orElseThrow();
      assertThat(stale.message()).startsWith("Kênh Báo Bắc Ninh (BAO-BN): lần thu thập thành công gần nhất lúc 05/11/2026 09:00.");
      assertThat(stale.channel()).isEqualTo("BAO-BN");

      assertThat(alerts.check()).as("same conditions: no duplicates").isEqualTo(new AlertService.CheckResult(0, 0, 2, 0));

      db.runInTransaction(s -> run(s, channelByCode(s, "BAO-BN"), NOW.minus(Duration.ofMinutes(5)),
          HarvestRun.Status.SUCCESS, null));
      assertThat(alerts.check()).isEqualTo(new AlertService.CheckResult(0, 2, 0, 0));
      assertThat(alerts.list(true)).extracting(AlertView::status).containsOnly("resolved");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void nearDeadlineWithTooLittleApprovedEvidenceRaisesAnAlert(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      Long itemId = db.inTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
        s.persist(unit);
        Plan plan = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số", NOW);
        s.persist(plan);
        PlanItem due = item(s, plan, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật",
            LocalDate.of(2026, 11, 15), 2);
        item(s, plan, "II.3", "Bồi dưỡng kỹ năng số", LocalDate.of(2026, 12, 31), 1);
        evidence(s, due, 2, "approved", "confirmed");
        evidence(s, due, 2, "pending", "confirmed");
        evidence(s, due, 2, "approved", "suggested");
        return due.getId();
      });
      AlertService alerts = new AlertService(db, settings(Map.of()), CLOCK, Optional.empty());

      assertThat(alerts.check().opened()).isEqualTo(1);
      AlertView a = alerts.list(false).get(0);
      assertThat(a.key()).isEqualTo("deadline_evidence:110/KH-UBND/II.2");
      assertThat(a.planItem()).isEqualTo("110/KH-UBND/II.2");
      assertThat(a.title()).isEqualTo("Nhiệm vụ II.2 (110/KH-UBND) đến hạn 15/11/2026 còn thiếu minh chứng");
      assertThat(a.message()).isEqualTo("Nhiệm vụ II.2 – Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật"
          + " (Kế hoạch 110/KH-UBND) đến hạn 15/11/2026 (còn 5 ngày). Còn thiếu: bài đăng mạng xã hội 1/2"
          + " (Bài đăng trên Fanpage có ngày đăng và lượt tương tác).");

      db.runInTransaction(s -> evidence(s, s.find(PlanItem.class, itemId), 2, "approved", "confirmed"));
      assertThat(alerts.check()).isEqualTo(new AlertService.CheckResult(0, 1, 0, 0));
    } finally {
      TestDatabases.drop(target);
    }
  }

  /** A clock the test moves day by day. */
  static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override public Instant instant() {
      return now;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void deadlineAlertTurnsOverdueAndIsRepeatedWeeklyUntilTheEvidenceIsThere(DatabaseTarget target) throws Exception {
    try (Database db = TestDatabases.open(target); LocalSmtpServer smtp = new LocalSmtpServer()) {
      Long itemId = db.inTransaction(s -> {
        Plan plan = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số", NOW);
        s.persist(plan);
        PlanItem due = item(s, plan, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật",
            LocalDate.of(2026, 11, 15), 2);
        evidence(s, due, 2, "approved", "confirmed");
        return due.getId();
      });
      Settings settings = settings(Map.of("alerts.deadlineDays", "3", "smtp.host", "127.0.0.1", "smtp.port",
          Integer.toString(smtp.port()), "smtp.startTls", "false", "smtp.from", "harvester@sokhcn.bacninh.gov.vn",
          "smtp.to", "cds@sokhcn.bacninh.gov.vn"));
      MovingClock clock = new MovingClock(NOW);
      AlertService alerts = AlertService.fromSettings(db, settings, clock);
      List<String> subjects = new java.util.ArrayList<>();
      // 09:00 each day from 10/11 (5 days before) to 01/12 (16 days overdue).
      for (int day = 0; day <= 21; day++) {
        clock.set(NOW.plus(days(day)));
        alerts.check();
        List<AlertView> open = alerts.list(false);
        String date = AlertTexts.date(LocalDate.of(2026, 11, 10).plusDays(day));
        if (day < 2) {
          assertThat(open).as("%s: more than 3 days before the deadline", date).isEmpty();
        } else {
          assertThat(open).as(date).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("open"));
        }
        while (subjects.size() < smtp.messages().size()) {
          MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
              new ByteArrayInputStream(smtp.messages().get(subjects.size())));
          subjects.add(date + " " + mail.getSubject().replace("[Thu thập minh chứng] Cảnh báo: ", ""));
        }
      }
      assertThat(subjects).containsExactly(
          "12/11/2026 Nhiệm vụ II.2 (110/KH-UBND) đến hạn 15/11/2026 còn thiếu minh chứng",
          "15/11/2026 Nhiệm vụ II.2 (110/KH-UBND) đến hạn 15/11/2026 (hôm nay) còn thiếu minh chứng",
          "16/11/2026 Nhiệm vụ II.2 (110/KH-UBND) quá hạn 1 ngày (hạn 15/11/2026) còn thiếu minh chứng",
          "23/11/2026 Nhiệm vụ II.2 (110/KH-UBND) quá hạn 8 ngày (hạn 15/11/2026) còn thiếu minh chứng",
          "30/11/2026 Nhiệm vụ II.2 (110/KH-UBND) quá hạn 15 ngày (hạn 15/11/2026) còn thiếu minh chứng");
      AlertView overdue = alerts.list(false).get(0);
      assertThat(overdue.key()).isEqualTo("deadline_evidence:110/KH-UBND/II.2");
      assertThat(overdue.title()).isEqualTo("Nhiệm vụ II.2 (110/KH-UBND) quá hạn 16 ngày (hạn 15/11/2026) còn thiếu minh chứng");
      assertThat(overdue.message()).isEqualTo("Nhiệm vụ II.2 – Tổ chức thông tin, tuyên truyền, phổ biến về nội dung"
          + " của Luật (Kế hoạch 110/KH-UBND) đã quá hạn 16 ngày (hạn 15/11/2026). Còn thiếu: bài đăng mạng xã hội 1/2"
          + " (Bài đăng trên Fanpage có ngày đăng và lượt tương tác). Đề nghị đơn vị chủ trì bổ sung minh chứng và báo"
          + " cáo lý do chậm; nhắc lại hằng tuần đến khi đủ minh chứng.");

      db.runInTransaction(s -> evidence(s, s.find(PlanItem.class, itemId), 2, "approved", "confirmed"));
      assertThat(alerts.check().resolved()).as("the evidence is there").isEqualTo(1);
      assertThat(alerts.list(false)).isEmpty();
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void rejectedKeyIsAlertedOnceByEmailInVietnameseAndClearsOnSuccess(DatabaseTarget target) throws Exception {
    try (Database db = TestDatabases.open(target); LocalSmtpServer smtp = new LocalSmtpServer()) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
        s.persist(unit);
        channel(s, unit, "YT-BNTV", ChannelKind.YOUTUBE_CHANNEL, "Truyền hình Bắc Ninh", NOW);
      });
      Settings settings = settings(Map.of("smtp.host", "127.0.0.1", "smtp.port", Integer.toString(smtp.port()),
          "smtp.startTls", "false", "smtp.from", "harvester@sokhcn.bacninh.gov.vn",
          "smtp.to", "cds@sokhcn.bacninh.gov.vn, vanthu@sokhcn.bacninh.gov.vn"));
      AlertService alerts = AlertService.fromSettings(db, settings, CLOCK);

      alerts.recordRun("YT-BNTV", HarvestRun.Status.FAILED, Optional.of(ConnectorException.Kind.AUTH),
          "YouTube Data API: API key not valid. Please pass a valid API key.");
      alerts.recordRun("YT-BNTV", HarvestRun.Status.FAILED, Optional.of(ConnectorException.Kind.AUTH),
          "YouTube Data API: API key not valid. Please pass a valid API key.");
      assertThat(alerts.check().notified()).isZero();

      assertThat(smtp.messages()).hasSize(1);
      MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(smtp.messages().get(0)));
      assertThat(mail.getSubject())
          .isEqualTo("[Thu thập minh chứng] Cảnh báo: Token/khóa truy cập của kênh YT-BNTV bị từ chối");
      assertThat(mail.getAllRecipients()).hasSize(2);
      String body = ((String) mail.getContent()).replace("\r\n", "\n");
      assertThat(body).contains("1. Token/khóa truy cập của kênh YT-BNTV bị từ chối\n"
          + "   Kênh YouTube từ chối token hoặc khóa API khi thu thập kênh Truyền hình Bắc Ninh (YT-BNTV): YouTube Data"
          + " API: API key not valid. Please pass a valid API key.. Đề nghị Sở Khoa học và Công nghệ tỉnh Bắc Ninh kết"
          + " nối lại tài khoản (trang Tài khoản kết nối, hoặc lệnh 'credentials set YT-BNTV'); các kênh khác vẫn thu"
          + " thập bình thường.\n   Phát hiện lúc: 10/11/2026 09:00\n");
      assertThat(alerts.list(false).get(0).notifiedAt()).isEqualTo(NOW);

      alerts.recordRun("YT-BNTV", HarvestRun.Status.SUCCESS, Optional.empty(), null);
      assertThat(alerts.list(false)).isEmpty();
      assertThat(smtp.messages()).hasSize(1);
    } finally {
      TestDatabases.drop(target);
    }
  }

  private Settings settings(Map<String, String> extra) {
    return Settings.of(dir, extra);
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  private static Channel channel(org.hibernate.Session s, Unit unit, String code, ChannelKind kind, String name,
      Instant created) {
    Channel c = new Channel(code, unit, kind, name, "https://example.gov.vn/" + code, created);
    s.persist(c);
    return c;
  }

  private static Channel channelByCode(org.hibernate.Session s, String code) {
    return s.createSelectionQuery("from Channel c where c.code = :c", Channel.class).setParameter("c", code)
        .getSingleResult();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void anAccountExpiringSoonIsAlertedNamingItsUnitsAndClearsWhenReconnected(DatabaseTarget target) {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    try (Database db = TestDatabases.open(target)) {
      long[] ids = db.inTransaction(s -> {
        Unit xa = new Unit("UBND-XTH", "Ủy ban nhân dân xã Tân Hồng", NOW.minus(days(30)));
        s.persist(xa);
        Channel fb = channel(s, xa, "FB-XTH", ChannelKind.FACEBOOK_PAGE, "Xã Tân Hồng", NOW.minus(days(10)));
        Channel other = channel(s, xa, "FB-DTN", ChannelKind.FACEBOOK_PAGE, "Đoàn Thanh niên xã", NOW.minus(days(10)));
        s.flush();
        return new long[] {fb.getId(), other.getId()};
      });
      Instant expires = NOW.plus(days(10));
      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "130495867102938", "page_token",
          new AccountSecrets("EAAGtokenOfXaTanHong000000001", null), expires, "Xã Tân Hồng", null),
          java.util.List.of(ids[0]), NOW));
      AlertService now = new AlertService(db, settings(Map.of()), CLOCK, Optional.empty());
      now.check();
      assertThat(openExpiring(db)).as("10 days left, warning at 7").isZero();

      Clock later = Clock.fixed(NOW.plus(days(4)), ZoneOffset.UTC);
      AlertService in4Days = new AlertService(db, settings(Map.of()), later, Optional.empty());
      in4Days.check();
      assertThat(openExpiring(db)).isEqualTo(1);
      Alert a = db.inTransaction(s -> s.createSelectionQuery("from Alert a join fetch a.channel where a.kind ="
          + " 'account_expiring'", Alert.class).getSingleResult());
      assertThat(a.getKind()).isEqualTo(Alert.Kind.ACCOUNT_EXPIRING);
      assertThat(a.getChannel().getCode()).isEqualTo("FB-XTH");
      assertThat(a.getMessage()).contains("Ủy ban nhân dân xã Tân Hồng").contains("20/11/2026 09:00")
          .contains("Kết nối lại").doesNotContain("EAAG");
      AlertService withShorterWarning = new AlertService(db, settings(Map.of("alerts.accountExpiryDays", "3")), later,
          Optional.empty());
      withShorterWarning.check();
      assertThat(openExpiring(db)).as("alerts.accountExpiryDays is read").isZero();
      in4Days.check();
      assertThat(openExpiring(db)).isEqualTo(1);

      db.runInTransaction(s -> Accounts.store(s, box, new Accounts.Grant("facebook", "130495867102938", "page_token",
          new AccountSecrets("EAAGtokenOfXaTanHong000000002", null), null, "Xã Tân Hồng", null),
          java.util.List.of(ids[0]), NOW.plus(days(4))));
      in4Days.check();
      assertThat(openExpiring(db)).as("reconnected without expiry").isZero();
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static long openExpiring(Database db) {
    return db.inTransaction(s -> s.createSelectionQuery("select count(a) from Alert a where a.kind = 'account_expiring'"
        + " and a.status = 'open'", Long.class).getSingleResult());
  }

  private static void run(org.hibernate.Session s, Channel ch, Instant started, HarvestRun.Status status, String error) {
    HarvestRun r = new HarvestRun(ch, started, "schedule", "test");
    r.finish(status, started.plusSeconds(30), 0, 0, 0, 0, 0, error);
    s.persist(r);
  }

  private static PlanItem item(org.hibernate.Session s, Plan plan, String code, String title, LocalDate deadline, int count) {
    PlanItem item = new PlanItem(plan, code, title, NOW);
    item.setDeadline(deadline);
    item.getTargets().add(new PlanTarget(item, 0, 2, "Bài đăng trên Fanpage có ngày đăng và lượt tương tác", count));
    s.persist(item);
    return item;
  }

  private static void evidence(org.hibernate.Session s, PlanItem item, int component, String status, String linkState) {
    Evidence e = new Evidence(component, "harvested", "Bắc Ninh hưởng ứng Ngày Chuyển đổi số quốc gia", NOW);
    e.setStatus(status);
    s.persist(e);
    s.persist(new EvidenceLink(e, item, "auto", linkState, 0.8, null, NOW));
  }
}
