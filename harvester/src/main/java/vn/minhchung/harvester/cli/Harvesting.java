package vn.minhchung.harvester.cli;

import java.util.List;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.web.NewsSiteConnector;
import vn.minhchung.harvester.connector.web.PageWatchConnector;
import vn.minhchung.harvester.harvest.HarvestRunService;
import vn.minhchung.harvester.harvest.RunListener;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.PoliteFetcher;
import vn.minhchung.harvester.http.Sleeper;

/** Wires the harvest-run service of this process: the connectors in registration order and the run listeners. */
final class Harvesting {
  private Harvesting() {}

  static HarvestRunService service(AppContext app) {
    HttpFetcher http = new HttpFetcher(app.settings(), Sleeper.REAL, app.clock());
    PoliteFetcher polite = new PoliteFetcher(http, app.settings(), Sleeper.REAL, app.clock());
    List<Connector> connectors = List.of(new NewsSiteConnector(polite), new PageWatchConnector(polite));
    List<RunListener> listeners = List.of();
    return new HarvestRunService(app.database(), app.settings(), app.clock(), app.blobs(), connectors, listeners);
  }
}
