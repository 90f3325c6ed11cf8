package vn.minhchung.harvester.schedule.alert;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.alert.Alert;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.PlanItem;

/**
 * Raises, refreshes and resolves alerts, and e-mails the new ones. {@link #check()} evaluates the periodic
 * conditions (stale channel, failure streak, deadline without evidence, banner missing on a watched page); {@link #recordRun} raises the alerts
 * a single run decides (token or key rejected, permission or configuration missing) and clears them when the
 * channel succeeds again.
 */
public final class AlertService {
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
  private static final Set<Alert.Kind> CHECKED =
      EnumSet.of(Alert.Kind.STALE_CHANNEL, Alert.Kind.FAILURE_STREAK, Alert.Kind.DEADLINE_EVIDENCE,
          Alert.Kind.ACCOUNT_EXPIRING, Alert.Kind.BANNER_MISSING, Alert.Kind.NODE_SILENT);
  private static final Set<Alert.Kind> RUN_DECIDED = EnumSet.of(Alert.Kind.CREDENTIAL_REJECTED, Alert.Kind.CHANNEL_BLOCKED);

  private final Database db;
  private final Clock clock;
  private final Optional<AlertMailer> mailer;
  private final int staleDays;
  private final int failureStreak;
  private final int deadlineDays;
  private final int accountExpiryDays;
  private final int nodeSilentMinutes;

  public AlertService(Database db, Settings settings, Clock clock, Optional<AlertMailer> mailer) {
    this.db = db;
    this.clock = clock;
    this.mailer = mailer;
    this.staleDays = settings.integer("alerts.staleDays");
    this.failureStreak = settings.integer("alerts.failureStreak");
    this.deadlineDays = settings.integer("alerts.deadlineDays");
    this.accountExpiryDays = settings.integer("alerts.accountExpiryDays");
    this.nodeSilentMinutes = settings.integer("alerts.nodeSilentMinutes");
  }

  /** The service of the settings, e-mailing when {@code smtp.host} is set. */
  public static AlertService fromSettings(Database db, Settings settings, Clock clock) {
    return new AlertService(db, settings, clock, AlertMailer.fromSettings(settings));
  }

  /** What a check changed. */
  public record CheckResult(int opened, int resolved, int open, int notified) {}

  public CheckResult check() {
    Instant now = clock.instant();
    int[] changes = db.inTransaction(s -> {
      List<Condition> found = new ArrayList<>();
      found.addAll(AlertConditions.stale(s, now, staleDays));
      found.addAll(AlertConditions.failureStreaks(s, failureStreak));
      found.addAll(AlertConditions.deadlines(s, LocalDate.ofInstant(now, Settings.ZONE), deadlineDays));
      found.addAll(AlertConditions.expiringAccounts(s, now, accountExpiryDays));
      found.addAll(AlertConditions.bannersMissing(s, LocalDate.ofInstant(now, Settings.ZONE)));
      found.addAll(AlertConditions.silentNodes(s, now, nodeSilentMinutes));
      Map<String, Alert> existing = new HashMap<>();
      s.createSelectionQuery("from Alert a where a.kind in :kinds", Alert.class)
          .setParameter("kinds", CHECKED.stream().map(Alert.Kind::code).toList())
          .getResultList().forEach(a -> existing.put(a.getKey(), a));
      int opened = 0;
      Set<String> keys = new HashSet<>();
      for (Condition c : found) {
        keys.add(c.key());
        opened += upsert(s, existing.get(c.key()), c, now) ? 1 : 0;
      }
      int resolved = 0;
      for (Alert a : existing.values()) {
        if (a.isOpen() && !keys.contains(a.getKey())) {
          a.resolve(now);
          resolved++;
        }
      }
      resolved += resolveRunDecidedIfCleared(s, now);
      return new int[] {opened, resolved};
    });
    int notified = notifyPending(now);
    int open = db.inTransaction(s -> s.createSelectionQuery("select count(a) from Alert a where a.status = 'open'",
        Long.class).getSingleResult().intValue());
    if (changes[0] + changes[1] > 0) {
      LOG.info("alert check: {} opened, {} resolved, {} open, {} e-mailed", changes[0], changes[1], open, notified);
    }
    return new CheckResult(changes[0], changes[1], open, notified);
  }

  /** Raises or clears the alerts one run decides; called by the scheduler after each run of a channel. */
  public void recordRun(String channelCode, HarvestRun.Status status, Optional<ConnectorException.Kind> failureKind,
      String error) {
    Instant now = clock.instant();
    boolean raised = db.inTransaction(s -> {
      Channel ch = s.createSelectionQuery("from Channel c where c.code = :code", Channel.class)
          .setParameter("code", channelCode).uniqueResult();
      if (ch == null) {
        return false;
      }
      if (status == HarvestRun.Status.SUCCESS || status == HarvestRun.Status.PARTIAL) {
        s.createSelectionQuery("from Alert a where a.channel = :ch and a.status = 'open' and a.kind in :kinds", Alert.class)
            .setParameter("ch", ch).setParameter("kinds", RUN_DECIDED.stream().map(Alert.Kind::code).toList())
            .getResultList().forEach(a -> a.resolve(now));
        return false;
      }
      if (status != HarvestRun.Status.FAILED && status != HarvestRun.Status.BLOCKED || failureKind.isEmpty()) {
        return false;
      }
      Condition c = switch (failureKind.get()) {
        case BLOCKED -> new Condition("channel_blocked:" + channelCode, Alert.Kind.CHANNEL_BLOCKED, ch.getId(), null,
            "Kênh " + channelCode + " bị chặn khi đọc trang công khai",
            "Kênh " + ch.getName() + " (" + channelCode + ") bị chặn: " + AlertTexts.shortError(
                error == null ? null : error.replaceFirst("^blocked: ", "")) + ". Lần chạy không lưu bài và không lưu "
                + "minh chứng nào; các lần thu thập tự động sau được giãn ra (3 giờ, rồi 12 giờ, rồi 1 ngày). Có thể "
                + "bấm \"Thu thập ngay\" sau khi đã xử lý (lưu lại phiên đăng nhập, hoặc kết nối tài khoản).");
        case AUTH -> new Condition("credential_rejected:" + channelCode, Alert.Kind.CREDENTIAL_REJECTED, ch.getId(), null,
            "Token/khóa truy cập của kênh " + channelCode + " bị từ chối",
            ch.getKind().label() + " từ chối token hoặc khóa API khi thu thập kênh " + ch.getName() + " (" + channelCode
                + "): " + AlertTexts.shortError(error) + ". Đề nghị " + ch.getUnit().getName() + " kết nối lại tài"
                + " khoản (trang Tài khoản kết nối, hoặc lệnh 'credentials set " + channelCode + "'); các kênh khác"
                + " vẫn thu thập bình thường.");
        case PERMISSION, CONFIG -> new Condition("channel_blocked:" + channelCode, Alert.Kind.CHANNEL_BLOCKED, ch.getId(),
            null, "Kênh " + channelCode + " không thu thập được do quyền truy cập hoặc cấu hình",
            "Kênh " + ch.getName() + " (" + channelCode + ") dừng thu thập: " + AlertTexts.shortError(error)
                + ". Cần người quản trị kiểm tra quyền truy cập hoặc thông tin kênh trong danh mục.");
        default -> null;
      };
      if (c == null) {
        return false;
      }
      Alert existing = s.createSelectionQuery("from Alert a where a.key = :key", Alert.class)
          .setParameter("key", c.key()).uniqueResult();
      return upsert(s, existing, c, now);
    });
    if (raised) {
      notifyPending(now);
    }
  }

  /** Alerts for the CLI and the UI: open ones first, newest first. */
  public List<AlertView> list(boolean includeResolved) {
    return db.inTransaction(s -> s.createSelectionQuery("from Alert a left join fetch a.channel"
            + " left join fetch a.planItem i left join fetch i.plan"
            + (includeResolved ? "" : " where a.status = 'open'")
            + " order by case when a.status = 'open' then 0 else 1 end, a.lastSeenAt desc, a.id desc", Alert.class)
        .getResultList().stream().map(AlertView::of).toList());
  }

  /** Returns whether the alert is newly open (created, re-opened, or open at a new stage). */
  private static boolean upsert(Session s, Alert existing, Condition c, Instant now) {
    if (existing == null) {
      Channel ch = c.channelId() == null ? null : s.getReference(Channel.class, c.channelId());
      PlanItem item = c.planItemId() == null ? null : s.getReference(PlanItem.class, c.planItemId());
      Alert a = new Alert(c.key(), c.kind(), ch, item, c.title(), c.message(), now);
      a.setNoticeStage(c.stage());
      s.persist(a);
      return true;
    }
    boolean wasOpen = existing.isOpen();
    boolean newStage = wasOpen && c.stage() != null && !c.stage().equals(existing.getNoticeStage());
    existing.seen(c.title(), c.message(), c.stage(), now);
    return !wasOpen || newStage;
  }

  /** Key and permission alerts clear when the channel later succeeded (e.g. a manual run) or was disabled. */
  private static int resolveRunDecidedIfCleared(Session s, Instant now) {
    List<Alert> open = s.createSelectionQuery("from Alert a join fetch a.channel where a.status = 'open' and a.kind in :kinds",
            Alert.class)
        .setParameter("kinds", RUN_DECIDED.stream().map(Alert.Kind::code).toList()).getResultList();
    int n = 0;
    for (Alert a : open) {
      long later = s.createSelectionQuery("select count(r) from HarvestRun r where r.channel = :ch"
              + " and r.status in ('success', 'partial') and r.startedAt > :since", Long.class)
          .setParameter("ch", a.getChannel()).setParameter("since", a.getLastSeenAt()).getSingleResult();
      if (later > 0 || !a.getChannel().isActive()) {
        a.resolve(now);
        n++;
      }
    }
    return n;
  }

  /** E-mails open alerts not sent yet; a failed send is logged and retried at the next check. */
  private int notifyPending(Instant now) {
    if (mailer.isEmpty()) {
      return 0;
    }
    List<Alert> pending = db.inTransaction(s -> s.createSelectionQuery("from Alert a left join fetch a.channel"
            + " left join fetch a.planItem i left join fetch i.plan"
            + " where a.status = 'open' and a.notifiedAt is null order by a.firstSeenAt, a.id", Alert.class)
        .getResultList());
    if (pending.isEmpty()) {
      return 0;
    }
    try {
      mailer.get().send(pending.stream().map(AlertView::of).toList(), now);
    } catch (MessagingException e) {
      LOG.warn("{} alert(s) not e-mailed yet: {}", pending.size(), e.getMessage());
      return 0;
    }
    List<Long> ids = pending.stream().map(Alert::getId).toList();
    db.runInTransaction(s -> s.createSelectionQuery("from Alert a where a.id in :ids", Alert.class)
        .setParameter("ids", ids).getResultList().forEach(a -> a.markNotified(now)));
    return pending.size();
  }
}
