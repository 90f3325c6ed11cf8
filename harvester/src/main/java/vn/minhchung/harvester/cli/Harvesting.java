package vn.minhchung.harvester.cli;

import java.util.List;
import java.util.Optional;
import vn.minhchung.harvester.account.BrowserSessions;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.account.DatabaseChannelAccess;
import vn.minhchung.harvester.account.Credentials;
import vn.minhchung.harvester.capture.CaptureResult;
import vn.minhchung.harvester.capture.CaptureRunListener;
import vn.minhchung.harvester.capture.CaptureTargets;
import vn.minhchung.harvester.capture.LazyCaptureService;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookPageReader;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloPublicReader;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.RunListener;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.http.ValidatorStore;
import vn.minhchung.harvester.spec.DurationSpecs;
import vn.minhchung.review.link.AutoLinker;
import vn.minhchung.storage.db.Database;

/**
 * The harvesting of this process, wired once and used by every command: the connectors in registration order,
 * the run listeners (plan-item auto-linking, evidence capture of due posts) and the browsers, started on the
 * first capture and stopped by {@link #close()}.
 */
final class Harvesting implements AutoCloseable {
  private final LazyCaptureService captures;
  private final CaptureTargets targets;
  private volatile HarvestRunService service;
  private volatile Credentials credentials;
  private volatile BrowserSessions sessions;
  private volatile HttpFetcher http;
  private volatile vn.minhchung.harvester.http.AddressPolicy addresses;

  private Harvesting(LazyCaptureService captures, CaptureTargets targets) {
    this.captures = captures;
    this.targets = targets;
  }

  /** Wires the harvest-run service and the capture of due posts for the context's settings and database. */
  static Harvesting wire(AppContext app) {
    return wire(app, app.clock());
  }

  /**
   * As {@link #wire(AppContext)} with another clock for everything the harvest dates (runs, posts, captures,
   * alerts of the run): the demo fills the past days of a watch period with it.
   */
  static Harvesting wire(AppContext app, java.time.Clock clock) {
    Database db = app.database();
    LazyCaptureService captures = LazyCaptureService.of(app.settings(), app.env(), db, app.blobs(), clock);
    Harvesting h = new Harvesting(captures, new CaptureTargets(db));
    HttpFetcher http = new HttpFetcher(app.settings(), Sleeper.REAL, clock);
    PoliteFetcher polite = new PoliteFetcher(http, app.settings(), Sleeper.REAL, clock,
        new ValidatorStore.InDatabase(db));
    ChannelAccess access = new DatabaseChannelAccess(db, app.secretBox(), clock);
    FacebookConnector facebook = new FacebookConnector(http,
        new FacebookThrottle(Sleeper.REAL, clock, HttpFetcher.MAX_INLINE_WAIT), access,
        Optional.of(new FacebookPageReader(captures)));
    ZaloConnector zalo = new ZaloConnector(http, new ZaloTokenStore(db, app.secretBox(), clock), access,
        Optional.of(new ZaloPublicReader(captures)));
    YouTubeConnector youtube = new YouTubeConnector(http, polite, new YouTubeQuota.InDatabase(db),
        DurationSpecs.fromDatabase(db), access);
    h.credentials = new Credentials(db, app.secretBox(), clock, app.settings(), facebook, zalo, youtube);
    h.http = http;
    h.addresses = vn.minhchung.harvester.http.AddressPolicy.of(app.settings());
    h.sessions = new BrowserSessions(db, app::secretBox, app.settings(), clock);
    List<Connector> connectors = List.of(facebook, zalo, youtube,
        new NewsSiteConnector(polite),
        new PageWatchConnector(polite));
    AutoLinker linker = AutoLinker.fromSettings(app.settings());
    // Suggests plan-item links for the evidence items this run created.
    RunListener autoLink = (summary, options, newPostIds) -> {
      if (!newPostIds.isEmpty()) {
        db.runInTransaction(s -> linker.linkPosts(s, newPostIds, clock.instant()));
      }
    };
    RunListener capture = new CaptureRunListener(db, app.settings(), clock, captures,
        (runId, n) -> h.service.addCaptures(runId, n));
    h.service = new HarvestRunService(db, app.settings(), clock, app.blobs(), connectors,
        List.of(autoLink, capture));
    return h;
  }

  /** Setting, listing and removing channel accounts, checked with the same connectors the harvests use. */
  Credentials credentials() {
    return credentials;
  }

  /** The saved browser sessions (import, check, list, remove). */
  BrowserSessions sessions() {
    return sessions;
  }

  /** The browsers of this process, started now if needed. */
  vn.minhchung.harvester.capture.CaptureService captures() {
    return captures.get();
  }

  /** The HTTP client of the platform connectors (for the OAuth connect flows). */
  HttpFetcher http() {
    return http;
  }

  /** The harvest-run service (runs capture due posts unless started with {@code capture = false}). */
  HarvestRunService service() {
    return service;
  }

  /**
   * Captures an evidence item's post (or watched page, or its own URL) now, as a post capture linked to the
   * item; an ok capture becomes the item's latest capture. Starts the browsers if needed.
   * @throws IllegalArgumentException for an unknown id or an uploaded item without a URL
   * @throws vn.minhchung.harvester.capture.browser.BrowserUnavailableException when no browser can start
   */
  CaptureResult captureAgain(long evidenceId) {
    CaptureTargets.Target target = targets.forEvidence(evidenceId);
    return captures.get().capture(CaptureTargets.request(target, Optional.empty()));
  }

  /**
   * Why a capture of this address would be refused (a loopback or private host not in {@code http.allowHosts}),
   * checked with the policy the capture's browser applies; empty when allowed.
   */
  Optional<String> refusal(java.net.URI url) {
    return addresses.refusal(url);
  }

  /** Stops the browsers, if they were started. */
  @Override
  public void close() {
    captures.close();
  }
}
