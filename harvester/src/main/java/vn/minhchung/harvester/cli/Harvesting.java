package vn.minhchung.harvester.cli;

import java.util.List;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.facebook.FacebookConnector;
import vn.minhchung.harvester.connector.facebook.FacebookThrottle;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeConnector;
import vn.minhchung.harvester.connector.youtube.YouTubeQuota;
import vn.minhchung.harvester.connector.zalo.ZaloConnector;
import vn.minhchung.harvester.connector.zalo.ZaloTokenStore;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.RunListener;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;
import vn.minhchung.harvester.spec.DurationSpecs;
import vn.minhchung.review.link.AutoLinker;
import vn.minhchung.storage.db.Database;

/** Wires the harvest-run service of this process: the connectors in registration order and the run listeners. */
final class Harvesting {
  private Harvesting() {}

  static HarvestRunService service(AppContext app) {
    Database db = app.database();
    HttpFetcher http = new HttpFetcher(app.settings(), Sleeper.REAL, app.clock());
    PoliteFetcher polite = new PoliteFetcher(http, app.settings(), Sleeper.REAL, app.clock());
    List<Connector> connectors = List.of(
        new FacebookConnector(http, new FacebookThrottle(Sleeper.REAL, app.clock(), HttpFetcher.MAX_INLINE_WAIT)),
        new ZaloConnector(http, new ZaloTokenStore(db, app.clock())),
        new YouTubeConnector(http, new YouTubeQuota.InDatabase(db), DurationSpecs.fromDatabase(db)),
        new NewsSiteConnector(polite),
        new PageWatchConnector(polite));
    AutoLinker linker = AutoLinker.fromSettings(app.settings());
    // Suggests plan-item links for the evidence items this run created.
    RunListener autoLink = (summary, options, newPostIds) -> {
      if (!newPostIds.isEmpty()) {
        db.runInTransaction(s -> linker.linkNew(s, summary.startedAt(), app.clock().instant()));
      }
    };
    List<RunListener> listeners = List.of(autoLink);
    return new HarvestRunService(db, app.settings(), app.clock(), app.blobs(), connectors, listeners);
  }
}
