package vn.minhchung.harvester.demo;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline demo's five local sites, each on its own loopback port ({@code base+1} … {@code base+5}, or free
 * ports when {@code base} is 0): a provincial newspaper, an agency portal with the "Ngày Chuyển đổi số quốc gia"
 * banner, and stand-ins for the Graph API, the Zalo OA API and the YouTube Data API with the pages their posts
 * link to. The connectors reach them through {@link #settingsOverrides()} only; nothing in a connector knows
 * about the demo. Items are dated relative to {@link #anchor()}, the moment the sites started.
 */
public final class DemoSites implements AutoCloseable {
  public static final int DEFAULT_BASE_PORT = 18080;
  private static final Logger LOG = LoggerFactory.getLogger(DemoSites.class);

  private final Instant anchor;
  private final NewspaperSite newspaper;
  private final FacebookSite facebook;
  private final YouTubeSite youtube;
  private final ZaloSite zalo;
  private PortalSite portal;
  private final SiteServer newspaperServer;
  private final SiteServer portalServer;
  private final SiteServer facebookServer;
  private final SiteServer zaloServer;
  private final SiteServer youtubeServer;

  private DemoSites(Instant anchor, NewspaperSite newspaper, FacebookSite facebook, YouTubeSite youtube, ZaloSite zalo, List<SiteServer> s) {
    this.anchor = anchor;
    this.newspaper = newspaper;
    this.facebook = facebook;
    this.youtube = youtube;
    this.zalo = zalo;
    this.newspaperServer = s.get(0);
    this.portalServer = s.get(1);
    this.facebookServer = s.get(2);
    this.zaloServer = s.get(3);
    this.youtubeServer = s.get(4);
  }

  /** Starts the sites on {@code basePort+1} … {@code basePort+5} with the system clock. */
  public static DemoSites start(int basePort) throws IOException {
    return start(basePort, Clock.systemUTC());
  }

  /**
   * Starts the sites; {@code basePort} 0 takes five free ports (tests). {@code clock} dates the items (relative to
   * its instant now) and grows the counts; give the harvester the same clock.
   */
  public static DemoSites start(int basePort, Clock clock) throws IOException {
    return start(basePort, clock, clock.instant());
  }

  /**
   * Starts the sites with items dated against {@code anchor} (the first run's start, when the demo runs again
   * on the same data).
   */
  public static DemoSites start(int basePort, Clock clock, Instant anchor) throws IOException {
    if (basePort < 0 || basePort > 65_530) {
      throw new IllegalArgumentException("demo base port must be 0 (free ports) or 1–65530, but was " + basePort);
    }
    DemoContent content = DemoContent.load(anchor);
    NewspaperSite newspaper = new NewspaperSite(content, clock);
    PortalSite portal = new PortalSite(content, clock);
    FacebookSite facebook = new FacebookSite(content, clock);
    ZaloSite zalo = new ZaloSite(content, clock);
    YouTubeSite youtube = new YouTubeSite(content, clock);
    List<SiteServer> servers = new ArrayList<>();
    try {
      servers.add(SiteServer.start(port(basePort, 1), "bao", newspaper));
      servers.add(SiteServer.start(port(basePort, 2), "cong", portal));
      servers.add(SiteServer.start(port(basePort, 3), "facebook", facebook));
      servers.add(SiteServer.start(port(basePort, 4), "zalo", zalo));
      servers.add(SiteServer.start(port(basePort, 5), "youtube", youtube));
    } catch (IOException e) {
      servers.forEach(SiteServer::close);
      throw new IOException("cannot start the demo sites on 127.0.0.1 ports " + port(basePort, 1) + "–"
          + port(basePort, 5) + " (" + e.getMessage() + "); another program may use them: choose another base "
          + "port", e);
    }
    newspaper.base(servers.get(0).baseUrl());
    portal.newspaperBase(servers.get(0).baseUrl());
    facebook.base(servers.get(2).baseUrl());
    zalo.base(servers.get(3).baseUrl());
    youtube.base(servers.get(4).baseUrl());
    DemoSites sites = new DemoSites(anchor, newspaper, facebook, youtube, zalo, servers);
    sites.portal = portal;
    LOG.info("demo sites: newspaper {}, portal {}, Graph API {}, Zalo OA API {}, YouTube {}", sites.newspaperUrl(),
        sites.portalUrl(), sites.facebookUrl(), sites.zaloUrl(), sites.youtubeUrl());
    return sites;
  }

  /** The portal shows no banner on {@code day} (by the sites' clock): the gap in the demo's banner series. */
  public void takeBannerDownOn(java.time.LocalDate day) {
    portal.bannerDownOn(day);
  }

  private static int port(int base, int offset) {
    return base == 0 ? 0 : base + offset;
  }

  /**
   * Continues the count growth of earlier runs on the same data: counts grow as if {@code previousRuns}
   * harvests had read the listings already, so every run of the demo records new counts. Call before serving.
   */
  public void continueAfter(int previousRuns) {
    newspaper.servedBefore(previousRuns);
    facebook.servedBefore(previousRuns);
    zalo.servedBefore(previousRuns);
    youtube.servedBefore(previousRuns);
  }

  /** When the sites started: every item's date is relative to it. */
  public Instant anchor() {
    return anchor;
  }

  /** The newspaper's home, e.g. {@code http://127.0.0.1:18081/}. */
  public URI newspaperUrl() {
    return root(newspaperServer);
  }

  /** The agency portal's home (shows the banner). */
  public URI portalUrl() {
    return root(portalServer);
  }

  /** The Graph API stand-in; the Page's wall is {@code /fb/truyenthongtinhbacninh}. */
  public URI facebookUrl() {
    return root(facebookServer);
  }

  /** The Zalo OA API and OAuth stand-in; article pages are {@code /oa/article/{id}}. */
  public URI zaloUrl() {
    return root(zaloServer);
  }

  /** The YouTube stand-in: API under {@code /youtube/v3}, feed, watch and channel pages. */
  public URI youtubeUrl() {
    return root(youtubeServer);
  }

  /** The Graph Page id of the demo Fanpage. */
  public String facebookPageId() {
    return facebook.pageId();
  }

  /** Facebook addresses of the Fanpages read through the browser: one public timeline, one login wall. */
  public String facebookPublicPageUrl() {
    return "https://www.facebook.com" + facebook.publicPagePath();
  }

  public String facebookWallPageUrl() {
    return "https://www.facebook.com" + facebook.wallPagePath();
  }

  /** The demo Zalo OA id. */
  public String zaloOaId() {
    return zalo.oaId();
  }

  /** The demo YouTube channel id ({@code UC…}). */
  public String youtubeChannelId() {
    return youtube.channelId();
  }

  /** The Page token the demo Page's admin hands over; the demo connects the Page with it as 'credentials set' does. */
  public String facebookPageToken() {
    return FacebookSite.TOKEN;
  }

  /**
   * A Zalo pair (access, refresh) the demo OA granted before the sites started, as 'credentials set
   * --refresh-token-stdin' would store it; the demo itself connects the OA through the consent page instead.
   */
  public List<String> zaloGrantedPair() {
    return List.of(ZaloSite.ACCESS_TOKEN, ZaloSite.REFRESH_TOKEN);
  }

  /**
   * Settings (keys of {@code Settings.KEYS}) that point the connectors at these sites, with the demo apps (the
   * Zalo app of the connect flow, a YouTube key; no Page or OA token: those are per channel accounts) and a short
   * per-host delay for loopback. Includes {@code platforms.youtube.watchBaseUrl}, which only settings
   * versions that know that key accept.
   */
  public Map<String, String> settingsOverrides() {
    String fb = facebookServer.baseUrl();
    String za = zaloServer.baseUrl();
    String yt = youtubeServer.baseUrl();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("platforms.facebook.graphBaseUrl", fb);
    m.put("platforms.zalo.apiBaseUrl", za);
    m.put("platforms.zalo.oauthBaseUrl", za);
    m.put("platforms.zalo.pageBaseUrl", za);
    m.put("platforms.zalo.appId", ZaloSite.APP_ID);
    m.put("platforms.zalo.secretKey", ZaloSite.SECRET_KEY);
    m.put("platforms.youtube.apiBaseUrl", yt + YouTubeSite.API);
    m.put("platforms.youtube.apiKey", YouTubeSite.KEY);
    m.put("platforms.youtube.feedBaseUrl", yt + YouTubeSite.FEED);
    m.put("platforms.youtube.watchBaseUrl", yt + "/watch");
    // The sites are on loopback, which harvests and captures refuse unless allowed; exactly these five.
    m.put("http.allowHosts", String.join(",", List.of(newspaperServer, portalServer, facebookServer, zaloServer,
        youtubeServer).stream().map(s -> URI.create(s.baseUrl()).getAuthority()).toList()));
    // Fanpages read through the browser open on the Facebook stand-in; small gaps between its page loads.
    m.put("platforms.facebook.pageBaseUrl", fb);
    m.put("platforms.facebook.pageGapSeconds", "1");
    m.put("platforms.youtube.pageGapSeconds", "1");
    m.put("platforms.zalo.pageGapSeconds", "1");
    m.put("http.perHostDelayMs", "50");
    m.put("harvest.windowDays", "30");
    return m;
  }

  private static URI root(SiteServer s) {
    return URI.create(s.baseUrl() + "/");
  }

  @Override
  public void close() {
    for (SiteServer s : List.of(newspaperServer, portalServer, facebookServer, zaloServer, youtubeServer)) {
      s.close();
    }
  }
}
