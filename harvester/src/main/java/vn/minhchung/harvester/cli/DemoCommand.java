package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryException;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.account.Credentials;
import vn.minhchung.harvester.capture.CaptureRunListener;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.demo.DemoClock;
import vn.minhchung.harvester.demo.DemoRegistry;
import vn.minhchung.harvester.demo.DemoSites;
import vn.minhchung.harvester.harvest.RunOptions;
import vn.minhchung.harvester.harvest.RunSummary;
import vn.minhchung.storage.credential.AccountSecrets;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.registry.RegistryImport;
import vn.minhchung.storage.registry.RegistryStore;

/**
 * {@code demo [--port N] [--sites-port N] [--no-serve]}: the whole product on one machine without accounts or
 * internet. Starts local demo sites (newspaper, portal, Graph API, Zalo OA, YouTube), imports a registry that
 * points at them, harvests and captures every channel through the normal code paths, links the evidence, reviews
 * the evidence of the 2025 communication plan ({@link DemoReview}), then serves the UI with a demo login. A second run reuses the data dir and only fetches what changed. The demo only
 * works in an empty data dir or one it made ({@link DemoData}); its admin login has a random password.
 */
@Command(name = "demo", description = "Chạy thử toàn bộ sản phẩm với các trang mẫu trên máy này (offline demo: "
    + "local demo sites, harvest, capture, linking, then the web UI).")
final class DemoCommand implements Callable<Integer> {
  static final String USER = "demo";
  static final String ACTOR = "demo";

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "Port of the web UI (default: setting web.port).")
  Integer port;

  @Option(names = "--sites-port", paramLabel = "N", defaultValue = "18080",
      description = "Base port of the demo sites; they use the next five ports (default: ${DEFAULT-VALUE}).")
  int sitesPort;

  @Option(names = "--no-serve", description = "Harvest and capture, then exit instead of serving the UI.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    AppContext ctx = Main.of(spec).context();
    PrintWriter out = spec.commandLine().getOut();
    Instant started = Instant.now();
    int webPort = port != null ? port : ctx.settings().integer("web.port");
    // Checked on a database opened just for this: the context's own opens later, with the demo sites' settings.
    try (Database own = Database.open(ctx.settings())) {
      DemoData.claim(ctx.dataDir(), own, ctx.clock().instant());
    }
    DemoClock clock = new DemoClock(ctx.clock());
    try (DemoSites sites = startSites(ctx, clock)) {
      java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>(sites.settingsOverrides());
      if (webPort > 0 && !noServe) {
        // The Zalo consent page sends the browser back to this UI.
        overrides.put("web.publicUrl", "http://127.0.0.1:" + webPort);
      }
      ctx.overrideSettings(ctx.settings().with(overrides));
      sites.continueAfter(ctx.database().inTransaction(s -> s.createSelectionQuery(
          "select count(r) from HarvestRun r group by r.channel.id order by count(r) desc", Long.class)
          .setMaxResults(1).uniqueResultOptional().orElse(0L)).intValue());
      out.printf(Locale.ROOT, "Trang mẫu đang chạy (demo sites): báo %s, cổng %s, Facebook %s, Zalo %s, YouTube %s%n",
          sites.newspaperUrl(), sites.portalUrl(), sites.facebookUrl(), sites.zaloUrl(), sites.youtubeUrl());
      importRegistry(ctx, sites, out);
      java.util.Optional<String> password = DemoData.ensureUser(ctx.database(), ctx.dataDir(), ctx.clock().instant(),
          out);
      Harvesting harvesting = Harvesting.wire(ctx);
      boolean handedOver = false;
      try {
        connectFacebookPages(ctx, harvesting, sites, out);
        backfillBannerWatch(ctx, sites, clock, out);
        harvestAll(ctx, harvesting, out, started);
        reviewBannerDays(ctx, out);
        DemoReview.apply(ctx.database(), ctx.clock().instant(), out);
        List<String> notConnected = unconnected(ctx.database(), "zalo_oa");
        if (noServe) {
          notConnected.forEach(code -> out.printf(Locale.ROOT, "Zalo OA %s chưa kết nối: chạy demo không có --no-serve"
              + " rồi bấm \"Kết nối\" ở trang Tài khoản kết nối.%n", code));
          return ExitCodes.OK;
        }
        out.println(DemoData.loginLine(password, ctx.dataDir()));
        notConnected.forEach(code -> out.printf(Locale.ROOT, "Zalo OA %s chưa kết nối. Một lần bấm: sau khi đăng nhập,"
            + " mở http://127.0.0.1:%d/connect/zalo?channel=%s và bấm \"Đồng ý\" (trang cấp quyền mẫu của Zalo), rồi"
            + " \"Thu thập ngay\" ở trang của kênh.%n", code, webPort, code));
        handedOver = true;
        ServeCommand.serve(ctx, harvesting, "127.0.0.1", webPort, vn.minhchung.storage.node.NodeRole.ALL, spec);
      } finally {
        if (!handedOver) {
          harvesting.close();
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * Starts the sites as a continuation of the earlier demo runs on this data dir: the items keep the dates of
   * the first run (its start is kept in {@code DATA/demo/anchor}) and the counts keep growing from where the
   * runs recorded so far left them.
   */
  private DemoSites startSites(AppContext ctx, DemoClock clock) throws IOException {
    Path anchorFile = ctx.dataDir().resolve("demo").resolve("anchor");
    Instant anchor;
    if (Files.isRegularFile(anchorFile)) {
      String text = Files.readString(anchorFile, java.nio.charset.StandardCharsets.UTF_8).strip();
      try {
        anchor = Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw CliException.badInput(anchorFile + ": '" + text + "' is not an ISO-8601 instant; delete the file to "
            + "date the demo items from now");
      }
    } else {
      anchor = ctx.clock().instant();
      Files.createDirectories(anchorFile.getParent());
      Files.writeString(anchorFile, anchor + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      DemoSites sites = DemoSites.start(sitesPort, clock, anchor);
      sites.takeBannerDownOn(DemoRegistry.bannerDownOn(LocalDate.ofInstant(ctx.clock().instant(), Settings.ZONE)));
      return sites;
    } catch (java.net.BindException e) {
      throw new CliException(ExitCodes.BAD_INPUT, "cannot start the demo sites on ports " + (sitesPort + 1) + "-"
          + (sitesPort + 5) + " of 127.0.0.1: " + e.getMessage() + "; another program uses them (a demo already "
          + "running?): stop it or choose other ports with --sites-port N");
    }
  }

  private void importRegistry(AppContext ctx, DemoSites sites, PrintWriter out) {
    Path file = ctx.dataDir().resolve("demo").resolve("registry.yaml");
    try {
      Files.createDirectories(file.getParent());
      DemoRegistry.write(sites, LocalDate.ofInstant(ctx.clock().instant(), Settings.ZONE), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo registry " + file + ": " + e.getMessage(), e);
    }
    RegistryStore store = new RegistryStore(ctx.database(), ctx.clock());
    RegistryDocument doc;
    try {
      doc = RegistryFile.read(file, store.unitCodes());
    } catch (RegistryException e) {
      throw new IllegalStateException("the demo registry " + file + " does not validate: " + e.getMessage(), e);
    }
    RegistryImport result = store.importDocument(doc, ACTOR);
    out.printf(Locale.ROOT, "Danh mục mẫu (registry) %s: %s%n", file, result.summary());
  }

  /**
   * Connects the demo's Fanpages the way a centre does with a Page token a unit hands over ({@code credentials set}):
   * checked with the Graph {@code /me} of the demo site and sealed. Pages already connected are left alone.
   */
  private static void connectFacebookPages(AppContext ctx, Harvesting harvesting, DemoSites sites, PrintWriter out) {
    for (String code : unconnected(ctx.database(), "facebook_page")) {
      if (code.equals(DemoRegistry.PUBLIC_FANPAGE) || code.equals(DemoRegistry.WALLED_FANPAGE)) {
        continue; // read through the browser, without a token (via: browser)
      }
      try {
        Credentials.Row r = harvesting.credentials().set(code, new AccountSecrets(sites.facebookPageToken(), null),
            java.util.Optional.empty(), ACTOR);
        out.printf(Locale.ROOT, "Trang Facebook %s: đã kết nối bằng 'credentials set' (tài khoản %s, %s, token %s).%n",
            code, r.account(), r.name(), r.masked());
      } catch (ConnectorException e) {
        out.printf(Locale.ROOT, "Trang Facebook %s: chưa kết nối được: %s%n", code, e.getMessage());
      }
    }
  }

  /**
   * The banner watch's days before today, as if the portal had been harvested at 08:00 on each of them: the
   * harvester and the demo portal read {@code clock}, set to each day in turn (the portal shows no banner on
   * {@link DemoRegistry#bannerDownOn}). Days already recorded are left, so a second demo run adds nothing; today's
   * run is the normal harvest's.
   */
  private static void backfillBannerWatch(AppContext ctx, DemoSites sites, DemoClock clock, PrintWriter out) {
    LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), Settings.ZONE);
    java.util.Set<String> recorded = new java.util.HashSet<>(ctx.database().inTransaction(s -> s.createSelectionQuery(
        "select p.platformId from Post p where p.channel.code = :c and p.platformId like 'watch:%'", String.class)
        .setParameter("c", DemoRegistry.PORTAL).getResultList()));
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = DemoRegistry.watchFrom(today); d.isBefore(today); d = d.plusDays(1)) {
      if (!recorded.contains("watch:" + d)) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "Theo dõi banner của cổng %s: ghi bù %d ngày đã qua của đợt (mỗi ngày lúc 08:00)…%n",
        sites.portalUrl(), days.size());
    out.flush();
    try (Harvesting past = Harvesting.wire(ctx, clock)) {
      for (LocalDate d : days) {
        clock.travelTo(d.atTime(8, 0).atZone(Settings.ZONE).toInstant());
        RunSummary r = past.service().harvest(DemoRegistry.PORTAL, RunOptions.manual(true));
        out.printf(Locale.ROOT, "  %s  %s%n", vn.minhchung.review.export.DossierText.date(d), HarvestCommand.line(r));
        out.flush();
      }
    } finally {
      clock.back();
    }
  }

  /** The plan item the demo files the portal's banner days under (propaganda about the Law, all six components). */
  static final String BANNER_PLAN = "110/KH-UBND";
  static final String BANNER_ITEM = "II.2";

  /**
   * What a reviewer does with the banner watch's days on the evidence page: approves each day that has its capture
   * (the missing one too, as the proof that it was missing) and links it to {@link #BANNER_ITEM}, audited as the {@code demo} user; the
   * dossier of {@link #BANNER_PLAN} then holds the banner series. Days already linked are left as they are.
   */
  private static void reviewBannerDays(AppContext ctx, PrintWriter out) {
    Instant now = ctx.clock().instant();
    int done = ctx.database().inTransaction(s -> {
      vn.minhchung.storage.registry.PlanItem item = s.createSelectionQuery("from PlanItem i where i.plan.code = :p"
          + " and i.code = :i", vn.minhchung.storage.registry.PlanItem.class).setParameter("p", BANNER_PLAN)
          .setParameter("i", BANNER_ITEM).uniqueResult();
      if (item == null) {
        return 0;
      }
      List<vn.minhchung.storage.evidence.Evidence> days = s.createSelectionQuery("from Evidence e join fetch e.post p"
          + " where p.channel.code = :c and p.platformId like 'watch:%' and e.capture is not null"
          + " and not exists (select l from EvidenceLink l where l.evidence = e and l.planItem = :item"
          + " and l.state = 'confirmed') order by p.platformId", vn.minhchung.storage.evidence.Evidence.class)
          .setParameter("c", DemoRegistry.PORTAL).setParameter("item", item).getResultList();
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (vn.minhchung.storage.evidence.Evidence e : days) {
        String id = e.getId().toString();
        String before = json.createObjectNode().put("status", e.getStatus()).toString();
        e.review("approved", null, USER, now);
        vn.minhchung.storage.audit.AuditLog.append(s, now, USER, "evidence.approve", "evidence", id, before,
            json.createObjectNode().put("status", "approved").put("reviewedBy", USER).toString());
        // A suggestion the harvest's linking made for this item is confirmed; otherwise the link is added.
        vn.minhchung.storage.evidence.EvidenceLink suggested = s.createSelectionQuery("from EvidenceLink l where"
            + " l.evidence = :e and l.planItem = :item", vn.minhchung.storage.evidence.EvidenceLink.class)
            .setParameter("e", e).setParameter("item", item).uniqueResult();
        if (suggested != null) {
          suggested.setState("confirmed", now);
        } else {
          s.persist(new vn.minhchung.storage.evidence.EvidenceLink(e, item, "manual", "confirmed", null, USER, now));
        }
        String link = "\"" + BANNER_PLAN + " " + BANNER_ITEM + "\"";
        vn.minhchung.storage.audit.AuditLog.append(s, now, USER, "evidence.relink", "evidence", id,
            "{\"confirmed\":[],\"suggested\":[" + (suggested != null ? link : "") + "]}",
            "{\"confirmed\":[" + link + "],\"suggested\":[]}");
      }
      return days.size();
    });
    if (done > 0) {
      out.printf(Locale.ROOT, "Người duyệt mẫu (%s): duyệt %d ngày theo dõi banner và gắn vào nhiệm vụ %s của kế hoạch"
          + " %s; bảng theo dõi banner có trong hồ sơ minh chứng của kế hoạch này.%n", USER, done, BANNER_ITEM,
          BANNER_PLAN);
      out.flush();
    }
  }

  /** Active channels of a kind without an account. */
  private static List<String> unconnected(Database db, String kind) {
    return db.inTransaction(s -> s.createSelectionQuery("select c.code from Channel c where c.kind = :k"
        + " and c.active = true and not exists (select l from ChannelAccount l where l.channelId = c.id)"
        + " order by c.code", String.class).setParameter("k", kind).getResultList());
  }

  /** Harvests every active channel, three at a time, printing a line per channel and a ticker meanwhile. */
  private static void harvestAll(AppContext ctx, Harvesting harvesting, PrintWriter out, Instant started)
      throws InterruptedException {
    List<String> codes = activeChannels(ctx.database());
    Instant runStart = ctx.clock().instant();
    AtomicInteger done = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean browserWarned = new java.util.concurrent.atomic.AtomicBoolean();
    out.printf(Locale.ROOT, "Thu thập %d kênh, chụp ảnh minh chứng các bài mới…%n", codes.size());
    out.flush();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("demo-progress"));
    ticker.scheduleAtFixedRate(() -> {
      out.printf(Locale.ROOT, "  … %d/%d kênh xong, %d ảnh chụp, %s%n", done.get(), codes.size(),
          capturesSince(ctx.database(), runStart), elapsed(started));
      out.flush();
    }, 10, 10, TimeUnit.SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(3, codes.size())), daemon("demo-harvest"));
    try {
      List<Future<RunSummary>> runs = new ArrayList<>();
      for (String code : codes) {
        runs.add(pool.submit(() -> {
          RunSummary r = harvesting.service().harvest(code, RunOptions.manual(true));
          long ok = okCaptures(ctx.database(), r.runId());
          List<String> noBrowser = browserProblems(ctx.database(), r.runId());
          synchronized (out) {
            out.printf(Locale.ROOT, "[%d/%d] %s  %s%n", done.incrementAndGet(), codes.size(), elapsed(started),
                HarvestCommand.line(r) + String.format(Locale.ROOT, "; ảnh chụp %d/%d đạt", ok, r.captures()));
            if (!noBrowser.isEmpty() && browserWarned.compareAndSet(false, true)) {
              out.println("  ! " + noBrowser.get(0));
            }
            out.flush();
          }
          return r;
        }));
      }
      for (Future<RunSummary> f : runs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          out.println("Lỗi khi thu thập (harvest error): " + e.getCause().getMessage());
        }
      }
    } finally {
      pool.shutdownNow();
      ticker.shutdownNow();
    }
    out.printf(Locale.ROOT, "Xong: %d kênh, %d ảnh chụp mới trong %s.%n", codes.size(),
        capturesSince(ctx.database(), runStart), elapsed(started));
    out.flush();
  }

  private static List<String> activeChannels(Database db) {
    return db.inTransaction(s -> s.createSelectionQuery(
        "select c.code from Channel c where c.active = true order by c.code", String.class).list());
  }

  /** Captures of one run that are good evidence (the run summary has the total). */
  private static long okCaptures(Database db, long runId) {
    return db.inTransaction(s -> s.createSelectionQuery(
        "select count(c) from Capture c where c.run.id = :run and c.status = 'ok'", Long.class)
        .setParameter("run", runId).getSingleResult());
  }

  /** Why a run could not capture because no browser runs (shown once: the cause is the same for every channel). */
  private static List<String> browserProblems(Database db, long runId) {
    return db.inTransaction(s -> s.createSelectionQuery("select p.message from RunProblem p where p.run.id = :run "
        + "and p.reasonCode = :code", String.class).setParameter("run", runId)
        .setParameter("code", CaptureRunListener.BROWSER_MISSING).getResultList());
  }

  private static long capturesSince(Database db, Instant since) {
    return db.inTransaction(s -> s.createSelectionQuery(
        "select count(c) from Capture c where c.capturedAt >= :t", Long.class).setParameter("t", since).uniqueResult());
  }

  private static String elapsed(Instant started) {
    Duration d = Duration.between(started, Instant.now());
    return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
