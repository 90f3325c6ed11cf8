package vn.minhchung.harvester.schedule.alert;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.EvidenceComponent;
import vn.minhchung.config.registry.ExpectedComponents;
import vn.minhchung.config.settings.Settings;
import java.util.stream.Collectors;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.credential.Accounts;
import vn.minhchung.storage.node.ClusterNode;
import vn.minhchung.storage.node.ClusterNodes;
import vn.minhchung.storage.credential.PlatformAccount;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;

/** Finds the conditions a periodic check manages: stale channels, failure streaks, deadlines without evidence. */
final class AlertConditions {
  private AlertConditions() {}

  /** {@code serve} processes that stopped beating {@code minutes} ago without stopping cleanly. */
  static List<Condition> silentNodes(Session s, Instant now, int minutes) {
    List<Condition> out = new ArrayList<>();
    for (ClusterNode n : ClusterNodes.list(s)) {
      if (n.state(now, Duration.ofMinutes(minutes)) == ClusterNode.State.SILENT) {
        out.add(new Condition("node_silent:" + n.name(), Alert.Kind.NODE_SILENT, null, null,
            "Máy chủ " + n.name() + " mất liên lạc",
            "Máy chủ " + n.name() + " (" + n.role().label() + ", phiên bản " + n.version() + ", máy " + n.host()
                + ") không báo hoạt động từ " + AlertTexts.dateTime(n.lastHeartbeatAt())
                + ". Kiểm tra tiến trình serve trên máy đó; các máy còn lại vẫn chạy tiếp lịch thu thập."));
      }
    }
    return out;
  }

  /** Active channels without a successful (or partial) run for {@code days} days, counted from registration. */
  static List<Condition> stale(Session s, Instant now, int days) {
    Instant limit = now.minus(Duration.ofDays(days));
    LocalDate today = LocalDate.ofInstant(now, Settings.ZONE);
    List<Condition> out = new ArrayList<>();
    List<Object[]> rows = s.createSelectionQuery("select c.id, c.code, c.name, c.createdAt,"
        + " (select max(r.startedAt) from HarvestRun r where r.channel = c and r.status in ('success', 'partial')),"
        + " c.kind, c.optionsJson from Channel c where c.active = true order by c.code", Object[].class).getResultList();
    for (Object[] r : rows) {
      Instant created = (Instant) r[3];
      Instant lastSuccess = (Instant) r[4];
      Instant since = lastSuccess != null ? lastSuccess : created;
      if (ChannelKind.WEB_PAGE.code().equals(r[5])) {
        // A page watch runs only within its period: outside it, no run is expected; inside, count from its start.
        WatchPeriod period = WatchPeriod.of((String) r[6]);
        if (!period.contains(today)) {
          continue;
        }
        Instant start = period.start();
        since = start != null && start.isAfter(since) ? start : since;
      }
      if (since.isBefore(limit)) {
        String code = (String) r[1];
        String what = lastSuccess != null
            ? "lần thu thập thành công gần nhất lúc " + AlertTexts.dateTime(lastSuccess)
            : "chưa thu thập thành công lần nào kể từ khi đăng ký lúc " + AlertTexts.dateTime(created);
        out.add(new Condition("stale_channel:" + code, Alert.Kind.STALE_CHANNEL, (Long) r[0], null,
            "Kênh " + code + " không thu thập được quá " + days + " ngày",
            "Kênh " + r[2] + " (" + code + "): " + what + ". Xem lỗi bằng lệnh 'runs list --channel " + code
                + "' và kiểm tra lịch chạy."));
      }
    }
    return out;
  }

  /** Active channels whose last {@code streak} finished runs all failed. */
  static List<Condition> failureStreaks(Session s, int streak) {
    if (streak <= 0) {
      return List.of();
    }
    String sql = "select c.id, c.code, c.name, r.status, r.error from (select h.channel_id, h.status, h.error,"
        + " row_number() over (partition by h.channel_id order by h.started_at desc, h.id desc) as rn"
        + " from harvest_run h where h.status in ('success', 'partial', 'failed', 'interrupted')) r"
        + " join channel c on c.id = r.channel_id where c.active = true and r.rn <= ? order by c.code, r.rn";
    record Recent(long id, String name, List<String> statuses, String lastError) {}
    Map<String, Recent> byCode = new LinkedHashMap<>();
    s.doWork(con -> {
      try (PreparedStatement ps = con.prepareStatement(sql)) {
        ps.setInt(1, streak);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String code = rs.getString(2);
            Recent r = byCode.get(code);
            if (r == null) {
              // Rows come newest first, so the first row of a channel carries its latest error.
              r = new Recent(rs.getLong(1), rs.getString(3), new ArrayList<>(), rs.getString(5));
              byCode.put(code, r);
            }
            r.statuses().add(rs.getString(4));
          }
        }
      }
    });
    List<Condition> out = new ArrayList<>();
    byCode.forEach((code, r) -> {
      if (r.statuses().size() == streak && r.statuses().stream().allMatch("failed"::equals)) {
        out.add(new Condition("failure_streak:" + code, Alert.Kind.FAILURE_STREAK, r.id(), null,
            "Kênh " + code + " thất bại " + streak + " lần liên tiếp",
            "Kênh " + r.name() + " (" + code + ") thất bại " + streak + " lần liên tiếp. Lỗi gần nhất: "
                + AlertTexts.shortError(r.lastError()) + "."));
      }
    });
    return out;
  }

  /**
   * Channel accounts whose credential expires within {@code days} days (or has expired) and was not refused yet:
   * one alert per account, on its first channel, naming every unit that must renew it.
   */
  static List<Condition> expiringAccounts(Session s, Instant now, int days) {
    Instant until = now.plus(Duration.ofDays(days));
    List<PlatformAccount> accounts = s.createSelectionQuery("from PlatformAccount a where a.status = 'ok'"
        + " and a.expiresAt is not null and a.expiresAt <= :until order by a.expiresAt, a.id", PlatformAccount.class)
        .setParameter("until", until).getResultList();
    List<Condition> out = new ArrayList<>();
    for (PlatformAccount a : accounts) {
      List<Channel> channels = Accounts.channelsOf(s, a);
      if (channels.isEmpty()) {
        continue;
      }
      boolean expired = !a.getExpiresAt().isAfter(now);
      String units = channels.stream().map(c -> c.getUnit().getName()).distinct().collect(Collectors.joining(", "));
      String codes = channels.stream().map(Channel::getCode).collect(Collectors.joining(", "));
      String name = a.getDisplayName() == null ? a.getAccount() : a.getDisplayName() + " (" + a.getAccount() + ")";
      out.add(new Condition("account_expiring:" + a.getPlatform() + "/" + a.getAccount(), Alert.Kind.ACCOUNT_EXPIRING,
          channels.get(0).getId(), null, "Tài khoản " + name + (expired ? " đã hết hạn" : " sắp hết hạn"),
          "Token của tài khoản " + a.getPlatform() + " " + name + " (kênh " + codes + ") "
              + (expired ? "đã hết hạn lúc " : "hết hạn lúc ") + AlertTexts.dateTime(a.getExpiresAt())
              + ". Đề nghị " + units + " kết nối lại tài khoản (trang Tài khoản kết nối, nút \"Kết nối lại\")"
              + (expired ? "; đến khi đó kênh không được thu thập." : " trước ngày đó.")));
    }
    return out;
  }

  /**
   * Watched pages ({@code web_page}) whose latest watch day within the period today lies in lacks the banner
   * (flag {@code watch_absent}): raised on the first day it is missing, listing every missing day of the period
   * so far; it clears when a later day shows it again, and outside the period.
   */
  static List<Condition> bannersMissing(Session s, LocalDate today) {
    List<Channel> channels = s.createSelectionQuery("from Channel c join fetch c.unit where c.active = true"
        + " and c.kind = :kind order by c.code", Channel.class).setParameter("kind", ChannelKind.WEB_PAGE.code())
        .getResultList();
    List<Condition> out = new ArrayList<>();
    for (Channel c : channels) {
      WatchPeriod period = WatchPeriod.of(c.getOptionsJson());
      if (!period.contains(today)) {
        continue;
      }
      List<Object[]> days = s.createSelectionQuery("select p.platformId, p.flags from Post p where p.channel = :c"
          + " and p.platformId like 'watch:%' order by p.platformId", Object[].class).setParameter("c", c)
          .getResultList().stream().filter(d -> period.contains(LocalDate.parse(((String) d[0]).substring(6))))
          .toList();
      if (days.isEmpty() || !absent((String) days.get(days.size() - 1)[1])) {
        continue;
      }
      List<String> missing = days.stream().filter(d -> absent((String) d[1]))
          .map(d -> AlertTexts.date(LocalDate.parse(((String) d[0]).substring(6)))).toList();
      String latest = missing.get(missing.size() - 1);
      out.add(new Condition("banner_missing:" + c.getCode(), Alert.Kind.BANNER_MISSING, c.getId(), null,
          "Không thấy banner trên " + c.getName() + " ngày " + latest,
          "Trang " + c.getUrl() + " (kênh " + c.getCode() + ", " + c.getUnit().getName() + ") không hiển thị banner"
              + " cần theo dõi trong đợt " + period.text() + " vào " + (missing.size() == 1 ? "ngày " : "các ngày ")
              + String.join(", ", missing) + ". Đề nghị đơn vị đăng lại banner; ảnh chụp từng ngày có trong hồ sơ"
              + " minh chứng (bảng theo dõi banner)."));
    }
    return out;
  }

  private static boolean absent(String flags) {
    return flags != null && List.of(flags.split(",")).contains("watch_absent");
  }

  /**
   * Plan items due within {@code days} days (today included) or already overdue that lack evidence: no confirmed
   * link to approved evidence at all, or fewer than a target's count for its component. The alert is announced
   * {@code days} days before, again on the deadline, and again each week while overdue (stage {@code before},
   * {@code due}, {@code overdue-0}, {@code overdue-1} …); it clears only when the evidence is there.
   */
  static List<Condition> deadlines(Session s, LocalDate today, int days) {
    LocalDate until = today.plusDays(days);
    List<PlanItem> withUnits = s.createSelectionQuery("from PlanItem i join fetch i.plan"
        + " where i.unitDeadlines is not null order by i.id", PlanItem.class).getResultList();
    List<PlanItem> items = s.createSelectionQuery("from PlanItem i join fetch i.plan"
            + " where i.deadline is not null and i.deadline <= :until order by i.deadline, i.id", PlanItem.class)
        .setParameter("until", until).getResultList();
    List<Condition> out = new ArrayList<>(unitDeadlines(s, withUnits, today, until));
    if (items.isEmpty()) {
      return out;
    }
    Map<Long, Map<Integer, Long>> have = new HashMap<>();
    s.createSelectionQuery("select l.planItem.id, e.component, count(distinct e.id) from EvidenceLink l join l.evidence e"
            + " where l.state = 'confirmed' and e.status = 'approved' and l.planItem.id in :ids"
            + " group by l.planItem.id, e.component", Object[].class)
        .setParameter("ids", items.stream().map(PlanItem::getId).toList()).getResultList()
        .forEach(r -> have.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((Integer) r[1], (Long) r[2]));
    for (PlanItem item : items) {
      Map<Integer, Long> counts = have.getOrDefault(item.getId(), Map.of());
      List<String> missing = new ArrayList<>();
      for (PlanTarget t : item.getTargets()) {
        long n = counts.getOrDefault(t.getComponent(), 0L);
        if (n < t.getCount()) {
          String name = EvidenceComponent.of(t.getComponent()).map(EvidenceComponent::shortName)
              .orElse("thành phần " + t.getComponent());
          missing.add(name + " " + n + "/" + t.getCount() + " (" + t.getDescription() + ")");
        }
      }
      if (counts.isEmpty() && missing.isEmpty()) {
        missing.add("chưa có minh chứng nào được xác nhận và duyệt");
      }
      if (!missing.isEmpty()) {
        String plan = item.getPlan().getCode();
        long left = ChronoUnit.DAYS.between(today, item.getDeadline());
        String deadline = AlertTexts.date(item.getDeadline());
        String title = left < 0
            ? "Nhiệm vụ " + item.getCode() + " (" + plan + ") quá hạn " + (-left) + " ngày (hạn " + deadline
                + ") còn thiếu minh chứng"
            : "Nhiệm vụ " + item.getCode() + " (" + plan + ") đến hạn " + deadline
                + (left == 0 ? " (hôm nay)" : "") + " còn thiếu minh chứng";
        String when = left < 0 ? "đã quá hạn " + (-left) + " ngày (hạn " + deadline + ")"
            : "đến hạn " + deadline + (left == 0 ? " (hôm nay)" : " (còn " + left + " ngày)");
        String todo = left < 0 ? " Đề nghị đơn vị chủ trì bổ sung minh chứng và báo cáo lý do chậm; nhắc lại hằng tuần"
            + " đến khi đủ minh chứng." : "";
        out.add(new Condition("deadline_evidence:" + plan + "/" + item.getCode(), Alert.Kind.DEADLINE_EVIDENCE, null,
            item.getId(), title,
            "Nhiệm vụ " + item.getCode() + " – " + item.getTitle() + " (Kế hoạch " + plan + ") " + when
                + ". Còn thiếu: " + String.join("; ", missing) + "." + todo,
            deadlineStage(left)));
      }
    }
    return out;
  }

  /**
   * Units with their own deadline on an item (they report to the lead before the item's deadline) that have no
   * confirmed link to approved evidence of an expected component of the item, from their channels or uploaded in
   * their name: announced {@code days} days before the unit's date, on it, and weekly after it (the stages of
   * {@link #deadlineStage}), one alert per unit ({@code deadline_evidence:PLAN/ITEM@UNIT}).
   */
  private static List<Condition> unitDeadlines(Session s, List<PlanItem> items, LocalDate today, LocalDate until) {
    List<Condition> out = new ArrayList<>();
    if (items.isEmpty()) {
      return out;
    }
    Map<Long, Map<String, Map<Integer, Long>>> have = new HashMap<>();
    s.createSelectionQuery("select l.planItem.id, coalesce(u.code, cu.code), e.component, count(distinct e.id)"
            + " from EvidenceLink l join l.evidence e left join e.unit u left join e.channel ch left join ch.unit cu"
            + " where l.state = 'confirmed' and e.status = 'approved' and l.planItem.id in :ids"
            + " group by l.planItem.id, coalesce(u.code, cu.code), e.component", Object[].class)
        .setParameter("ids", items.stream().map(PlanItem::getId).toList()).getResultList()
        .forEach(r -> have.computeIfAbsent((Long) r[0], k -> new HashMap<>())
            .computeIfAbsent((String) r[1], k -> new HashMap<>()).put((Integer) r[2], (Long) r[3]));
    Map<String, String> names = new HashMap<>();
    s.createSelectionQuery("select u.code, u.name from Unit u", Object[].class).getResultList()
        .forEach(r -> names.put((String) r[0], (String) r[1]));
    for (PlanItem item : items) {
      List<Integer> expected = item.expectedComponents();
      if (expected.isEmpty()) {
        continue;
      }
      String plan = item.getPlan().getCode();
      for (Map.Entry<String, LocalDate> e : item.deadlinesByUnit().entrySet()) {
        if (e.getValue().isAfter(until)) {
          continue;
        }
        Map<Integer, Long> counts = have.getOrDefault(item.getId(), Map.of()).getOrDefault(e.getKey(), Map.of());
        if (expected.stream().anyMatch(c -> counts.getOrDefault(c, 0L) > 0)) {
          continue;
        }
        String unit = e.getKey();
        String unitName = names.getOrDefault(unit, unit);
        long left = ChronoUnit.DAYS.between(today, e.getValue());
        String date = AlertTexts.date(e.getValue());
        String when = left < 0 ? "quá hạn gửi " + (-left) + " ngày (hạn " + date + ")"
            : "đến hạn gửi " + date + (left == 0 ? " (hôm nay)" : " (còn " + left + " ngày)");
        String lead = item.getLead() == null ? "đơn vị chủ trì" : item.getLead().getName();
        out.add(new Condition("deadline_evidence:" + plan + "/" + item.getCode() + "@" + unit,
            Alert.Kind.DEADLINE_EVIDENCE, null, item.getId(),
            "Đơn vị " + unit + ": nhiệm vụ " + item.getCode() + " (" + plan + ") " + when + ", chưa có minh chứng",
            unitName + " chưa có minh chứng được xác nhận và duyệt cho nhiệm vụ " + item.getCode() + " – "
                + item.getTitle() + " (Kế hoạch " + plan + "), " + when + ". Đơn vị gửi kết quả cho " + lead
                + (item.getDeadline() == null ? "" : " trước khi nhiệm vụ đến hạn " + AlertTexts.date(item.getDeadline()))
                + "; thành phần minh chứng cần có: " + ExpectedComponents.describe(expected) + "."
                + (left < 0 ? " Nhắc lại hằng tuần đến khi có minh chứng." : ""),
            deadlineStage(left)));
      }
    }
    return out;
  }

  /** The announcement stage of a deadline {@code left} days away: before, due, then overdue-N per week. */
  static String deadlineStage(long left) {
    return left > 0 ? "before" : left == 0 ? "due" : "overdue-" + ((-left - 1) / 7);
  }
}
