package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.CapturePolicy.Reason;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.HarvestRun;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.post.RunProblem;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** Which posts are due after a run, and what happens without a browser (no browser is started here). */
class CaptureRunListenerTest {
  static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;
  DatabaseTarget target;
  Database db;
  Settings settings;
  final AtomicInteger starts = new AtomicInteger();
  final List<String> counted = new ArrayList<>();

  @BeforeEach
  void open() {
    target = TestDatabases.h2();
    db = TestDatabases.open(target);
    settings = Settings.of(dir, Map.of());
    db.runInTransaction(s -> {
      Unit u = new Unit("HB-UBND", "UBND tỉnh Hòa Bình", NOW);
      s.persist(u);
      s.persist(new Channel("HB-FB", u, ChannelKind.FACEBOOK_PAGE, "Fanpage UBND tỉnh Hòa Bình",
          "https://www.facebook.com/ubndtinhhoabinh", NOW));
      s.persist(new Channel("HB-NEWS", u, ChannelKind.NEWS_SITE, "Cổng thông tin tỉnh Hòa Bình",
          "https://hoabinh.gov.vn/", NOW));
      Channel web = new Channel("HB-WEB", u, ChannelKind.WEB_PAGE, "Cổng thông tin tỉnh — banner Ngày Chuyển đổi số",
          "https://hoabinh.gov.vn/", NOW);
      web.setOptionsJson("{\"watchFrom\":\"01/11/2026\",\"watchTo\":\"30/11/2026\",\"watchText\":\"Ngày Chuyển đổi số\"}");
      s.persist(web);
    });
  }

  @AfterEach
  void close() {
    db.close();
    TestDatabases.drop(target);
  }

  CaptureRunListener listener(Instant now, LazyCaptureService captures) {
    return new CaptureRunListener(db, settings, Clock.fixed(now, ZoneOffset.UTC), captures,
        (run, n) -> counted.add(run + ":" + n));
  }

  LazyCaptureService noBrowser() {
    return new LazyCaptureService(() -> {
      starts.incrementAndGet();
      throw new BrowserUnavailableException("no browser found: browser.executable is not set and /usr/bin/chromium "
          + "does not exist; install one with: apt-get install -y chromium fonts-noto-core");
    });
  }

  static Channel channel(Session s, String code) {
    return s.createQuery("from Channel c where c.code = :c", Channel.class).setParameter("c", code).getSingleResult();
  }

  long run(String channel, Instant started) {
    return db.inTransaction(s -> {
      HarvestRun r = new HarvestRun(channel(s, channel), started, "manual", "test");
      s.persist(r);
      s.flush();
      return r.getId();
    });
  }

  RunSummary summary(long runId, String channel, Instant started) {
    return new RunSummary(runId, channel, HarvestRun.Status.SUCCESS, started, started.plusSeconds(5), 0, 0, 0, 0, 0,
        null, Optional.empty(), Optional.empty());
  }

  /** A post first seen at {@code seen}, posted at {@code posted}, with an evidence item and captures of the given statuses. */
  long post(String channel, String id, Instant seen, Instant posted, boolean gone, Instant capturedAt, String... statuses) {
    return db.inTransaction(s -> {
      Channel c = channel(s, channel);
      Post p = new Post(c, id, "post", "https://www.facebook.com/ubndtinhhoabinh/posts/" + id,
          "https://www.facebook.com/ubndtinhhoabinh/posts/" + id, seen);
      p.setPostedAt(posted);
      p.setPostedAtText(posted == null ? null : posted.toString());
      if (gone) {
        p.markGone(seen);
      }
      s.persist(p);
      Evidence e = new Evidence(2, "harvested", "Bài " + id, seen);
      e.setPost(p);
      s.persist(e);
      Instant at = capturedAt;
      for (String status : statuses) {
        Capture cap = new Capture(p.getUrl(), at, status);
        cap.setPost(p);
        s.persist(cap);
        at = at.plusSeconds(3600);
      }
      s.flush();
      return p.getId();
    });
  }

  static List<String> describe(List<CaptureRunListener.Due> due) {
    return due.stream().map(d -> d.target().url().replaceAll(".*/", "") + ":" + d.reason()).toList();
  }

  @Test
  void newPostsFirstThenSettledAndRetriedOnes() {
    long runId = run("HB-FB", NOW);
    post("HB-FB", "settled", NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY.multipliedBy(10)), false,
        NOW.minus(DAY.multipliedBy(9)), "ok");
    post("HB-FB", "fresh", NOW.minus(DAY.multipliedBy(2)), NOW.minus(DAY.multipliedBy(2)), false,
        NOW.minus(DAY.multipliedBy(2)), "ok");
    post("HB-FB", "walled", NOW.minus(DAY), NOW.minus(DAY), false, NOW.minus(DAY), "login_wall");
    post("HB-FB", "hopeless", NOW.minus(DAY.multipliedBy(3)), NOW.minus(DAY.multipliedBy(3)), false,
        NOW.minus(DAY.multipliedBy(3)), "missing_fields", "missing_fields", "missing_fields");
    post("HB-FB", "gone", NOW.minus(DAY), NOW.minus(DAY), true, NOW);
    post("HB-FB", "ancient", NOW.minus(DAY.multipliedBy(60)), NOW.minus(DAY.multipliedBy(60)), false, NOW);
    post("HB-FB", "capturedAfterSettling", NOW.minus(DAY.multipliedBy(20)), NOW.minus(DAY.multipliedBy(20)), false,
        NOW.minus(DAY.multipliedBy(12)), "ok");
    long fresh = post("HB-FB", "new", NOW, NOW.minus(Duration.ofHours(3)), false, NOW);

    List<CaptureRunListener.Due> due = listener(NOW, noBrowser()).due(summary(runId, "HB-FB", NOW), List.of(fresh));

    assertThat(describe(due)).containsExactly("new:" + Reason.FIRST_SEEN, "settled:" + Reason.COUNTS_SETTLED,
        "walled:" + Reason.RETRY_AFTER_FAILURE);
  }

  @Test
  void secondRunWithNothingDueStartsNoBrowser() {
    long first = post("HB-FB", "done", NOW.minus(DAY), NOW.minus(DAY), false, NOW.minus(DAY), "ok");
    long runId = run("HB-FB", NOW);

    listener(NOW, noBrowser()).afterRun(summary(runId, "HB-FB", NOW), RunOptions.manual(true), List.of());

    assertThat(first).isPositive();
    assertThat(starts).hasValue(0);
    assertThat(counted).isEmpty();
    assertThat(problems()).isEmpty();
  }

  @Test
  void noCaptureRunStartsNoBrowserEvenWithDuePosts() {
    long fresh = post("HB-FB", "new", NOW, NOW, false, NOW);
    long runId = run("HB-FB", NOW);

    listener(NOW, noBrowser()).afterRun(summary(runId, "HB-FB", NOW), RunOptions.manual(false), List.of(fresh));

    assertThat(starts).hasValue(0);
    assertThat(problems()).isEmpty();
  }

  @Test
  void missingBrowserLeavesTheRunSuccessfulWithAProblemSayingHowToInstallChromium() {
    long fresh = post("HB-FB", "new", NOW, NOW, false, NOW);
    long runId = run("HB-FB", NOW);

    listener(NOW, noBrowser()).afterRun(summary(runId, "HB-FB", NOW), RunOptions.manual(true), List.of(fresh));

    assertThat(starts).hasValue(1);
    assertThat(counted).isEmpty();
    List<RunProblem> problems = problems();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.getReasonCode()).isEqualTo(CaptureRunListener.BROWSER_MISSING);
      assertThat(p.getMessage()).startsWith("Không chụp được 1 minh chứng vì máy chủ không có trình duyệt Chromium")
          .contains("apt-get install -y chromium fonts-noto-core");
      assertThat(p.getUrl()).isEqualTo("https://www.facebook.com/ubndtinhhoabinh");
    });
  }

  @Test
  void watchedPageIsCapturedOnEachRunWithinItsPeriod() {
    Instant started = NOW.minusSeconds(30);
    long watched = post("HB-WEB", "watch:2026-11-20", NOW, NOW, false, NOW.minus(DAY), "ok");
    post("HB-WEB", "watch:2026-11-19", NOW.minus(DAY), NOW.minus(DAY), false, NOW.minus(DAY), "ok");
    long runId = run("HB-WEB", started);

    List<CaptureRunListener.Due> due = listener(NOW, noBrowser()).due(summary(runId, "HB-WEB", started), List.of());
    assertThat(due).singleElement().satisfies(d -> {
      assertThat(d.target().postId()).contains(watched);
      assertThat(d.reason()).isEqualTo(Reason.WATCH_RUN);
    });

    Instant afterPeriod = Instant.parse("2026-11-30T17:00:00Z");
    assertThat(listener(afterPeriod, noBrowser()).due(summary(runId, "HB-WEB", started), List.of())).isEmpty();
  }

  @Test
  void socialPostRequestExpectsItsDateAndLatestCountsAndNewsArticleCarriesWhatTheHarvestRead() {
    Instant posted = Instant.parse("2026-11-19T12:05:00Z");
    long fb = post("HB-FB", "new", NOW, posted, false, NOW);
    long news = post("HB-NEWS", "bai-viet", NOW, posted, false, NOW);
    long runId = run("HB-FB", NOW);
    db.runInTransaction(s -> {
      Post p = s.get(Post.class, fb);
      s.persist(new MetricSnapshot(p, null, NOW.minus(DAY), 900L, 10L, 2L, null, null));
      s.persist(new MetricSnapshot(p, null, NOW, 1444L, 25L, 0L, null, null));
    });
    CaptureTargets targets = new CaptureTargets(db);

    CaptureTargets.Target t = targets.candidates(channelId("HB-FB"), List.of(fb), NOW, NOW).get(0);
    CaptureRequest social = CaptureTargets.request(t, Optional.of(runId));

    assertThat(social.requirePostFields()).isTrue();
    assertThat(social.channelCode()).contains("HB-FB");
    assertThat(social.channelName()).contains("Fanpage UBND tỉnh Hòa Bình");
    assertThat(social.postId()).contains(fb);
    assertThat(social.runId()).contains(runId);
    assertThat(social.evidenceId()).isEqualTo(t.evidenceId()).isPresent();
    assertThat(social.expected().postedAt()).contains(posted);
    assertThat(social.expected().counts()).containsExactly(Map.entry("reactions", "1444"),
        Map.entry("comments", "25"), Map.entry("shares", "0"));

    db.runInTransaction(s -> s.persist(new MetricSnapshot(s.get(Post.class, news), null, NOW, null, null, null,
        1848L, null)));
    CaptureTargets.Target n = targets.candidates(channelId("HB-NEWS"), List.of(news), NOW, NOW).get(0);
    CaptureRequest article = CaptureTargets.request(n, Optional.of(runId));
    assertThat(article.requirePostFields()).isFalse();
    assertThat(article.selector()).isEmpty();
    assertThat(article.channelName()).contains("Cổng thông tin tỉnh Hòa Bình");
    assertThat(article.expected().postedAt()).contains(posted);
    assertThat(article.expected().counts()).containsExactly(Map.entry("views", "1848"));
  }

  long channelId(String code) {
    return db.inTransaction(s -> channel(s, code).getId());
  }

  List<RunProblem> problems() {
    return db.inTransaction(s -> s.createQuery("from RunProblem p order by p.id", RunProblem.class).getResultList());
  }
}
