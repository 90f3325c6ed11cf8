package vn.minhchung.harvester.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.CaptureStatus;
import vn.minhchung.harvester.capture.browser.RenderedPage;
import vn.minhchung.storage.audit.AuditLog;
import vn.minhchung.storage.credential.SavedSession;
import vn.minhchung.storage.credential.SavedSessions;
import vn.minhchung.storage.credential.SecretBox;
import vn.minhchung.storage.db.Database;

/**
 * The saved login sessions of the browser, one per platform: imported from a cookie file (only the platform's
 * cookies kept, the login cookies required), sealed at rest, opened in memory for the pages of that platform only
 * ({@link #storageStateFor}), checked by loading the platform's page, and marked by harvests that meet a wall
 * ({@link #report}). Imports, checks and removals are audit events without secrets.
 */
public final class BrowserSessions {
  private static final Logger LOG = LoggerFactory.getLogger(BrowserSessions.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Supplier<SecretBox> box;
  private final Settings settings;
  private final Clock clock;

  /** {@code box} is asked for only when a session is stored or opened. */
  public BrowserSessions(Database db, Supplier<SecretBox> box, Settings settings, Clock clock) {
    this.db = db;
    this.box = box;
    this.settings = settings;
    this.clock = clock;
  }

  /** One platform's session as people may see it: facts, never the cookies. */
  public record Row(String platform, String sourceFormat, int cookies, String importedBy, Instant importedAt,
      Instant authExpiresAt, String state, String stateDetail, Instant stateAt, Instant checkedAt) {}

  /** What an import kept: the row, and how many cookies of other sites the file had (dropped). */
  public record Imported(Row row, int dropped) {}

  /** The outcome of {@link #check}: the state, why, and the page that was loaded. */
  public record Checked(SavedSession.State state, String detail, String finalUrl) {}

  /**
   * Imports a cookie file as the platform's session, replacing the one before.
   * @throws IllegalArgumentException for an unknown platform, a file in no known format, or a file without the
   *     platform's login cookies (the message names the file and the line or entry)
   */
  public Imported importFile(String platformCode, byte[] bytes, String source, String actor) {
    SessionPlatform p = SessionPlatform.of(platformCode);
    CookieFiles.Parsed parsed = CookieFiles.parse(bytes, source);
    List<CookieFiles.Cookie> kept = parsed.cookies().stream().filter(c -> p.owns(c.domain())).toList();
    Instant now = clock.instant();
    Instant authExpires = null;
    for (String name : p.loginCookies()) {
      CookieFiles.Cookie c = kept.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() ->
          new CookieFiles.BadCookieFileException(source + " (" + parsed.format().label() + "): không có cookie đăng"
              + " nhập '" + name + "' của " + String.join(", ", p.domains()) + " (cần " + String.join(" và ",
              p.loginCookies()) + "; tệp có " + kept.size() + " cookie của " + p.label() + names(kept) + "). Xuất lại"
              + " cookie khi trình duyệt đang đăng nhập " + p.label() + " (no login cookie " + name + ")"));
      if (c.expires() > 0) {
        Instant at = Instant.ofEpochSecond(c.expires());
        if (!at.isAfter(now)) {
          throw new CookieFiles.BadCookieFileException(source + ": " + c.where() + ": cookie đăng nhập '" + name
              + "' đã hết hạn lúc " + VietnameseDates.isoLocal(at) + "; đăng nhập lại " + p.label()
              + " rồi xuất cookie mới (login cookie expired)");
        }
        authExpires = authExpires == null || at.isBefore(authExpires) ? at : authExpires;
      }
    }
    String state = CookieFiles.storageState(kept);
    Instant expires = authExpires;
    SavedSessions.Import in = new SavedSessions.Import(p.code(), state, parsed.format().code(), kept.size(), expires);
    Row row = db.inTransaction(s -> {
      SavedSession saved = SavedSessions.store(s, box.get(), in, actor, now);
      s.flush();
      ObjectNode after = describe(saved).put("dropped", parsed.cookies().size() - kept.size());
      AuditLog.append(s, now, actor, "session.import", "browser_session", p.code(), null, after.toString());
      return row(saved);
    });
    LOG.info("{} session imported by {} from {} ({} cookies kept, {} of other sites dropped)", p.code(), actor,
        parsed.format().code(), kept.size(), parsed.cookies().size() - kept.size());
    return new Imported(row, parsed.cookies().size() - kept.size());
  }

  private static String names(List<CookieFiles.Cookie> cookies) {
    return cookies.isEmpty() ? "" : ": " + cookies.stream().map(CookieFiles.Cookie::name).distinct().sorted()
        .collect(Collectors.joining(", "));
  }

  /** Every saved session, by platform. */
  public List<Row> list() {
    return db.inTransaction(s -> SavedSessions.list(s).stream().map(BrowserSessions::row).toList());
  }

  public Optional<Row> find(String platformCode) {
    return db.inTransaction(s -> SavedSessions.find(s, platformCode).map(BrowserSessions::row));
  }

  /** Deletes the platform's session (its sealed cookies with it); empty when there was none. */
  public Optional<Row> remove(String platformCode, String actor) {
    SessionPlatform p = SessionPlatform.of(platformCode);
    Instant now = clock.instant();
    return db.inTransaction(s -> {
      Optional<SavedSession> gone = SavedSessions.remove(s, p.code());
      gone.ifPresent(g -> AuditLog.append(s, now, actor, "session.remove", "browser_session", p.code(),
          describe(g).toString(), null));
      return gone.map(BrowserSessions::row);
    });
  }

  /**
   * Loads the platform's page ({@code pageBaseUrl}) in the browser with the saved session and records what it saw:
   * account controls → logged in; a redirect under the checkpoint path → checkpoint; a login page, pop-up or no
   * account controls → logged out; a page that did not load → unknown.
   * @throws IllegalArgumentException when the platform has no saved session
   */
  public Checked check(String platformCode, CaptureService browser, String actor) {
    SessionPlatform p = SessionPlatform.of(platformCode);
    if (find(p.code()).isEmpty()) {
      throw new IllegalArgumentException(p.code() + ": chưa có phiên đăng nhập lưu sẵn; nhập bằng lệnh 'session"
          + " import " + p.code() + " FILE' (no saved session)");
    }
    URI page = pageBase(p);
    RenderedPage r = browser.render(page, Optional.empty(), true);
    String path = Optional.ofNullable(URI.create(r.finalUrl()).getPath()).orElse("");
    Checked c;
    if (path.startsWith(p.checkpointPath())) {
      c = new Checked(SavedSession.State.CHECKPOINT, p.label() + " yêu cầu xác minh tài khoản (checkpoint) tại "
          + r.finalUrl() + ": mở " + p.label() + " bằng tài khoản này trong trình duyệt, xác minh, rồi nhập lại phiên",
          r.finalUrl());
    } else if (r.verdict().isEmpty()) {
      c = new Checked(SavedSession.State.LOGGED_IN, "đã đăng nhập: trang " + r.finalUrl()
          + " có điều khiển tài khoản", r.finalUrl());
    } else if (r.verdict().get().status() == CaptureStatus.LOGIN_WALL) {
      c = new Checked(SavedSession.State.LOGGED_OUT, "chưa đăng nhập: " + r.verdict().get().detail(), r.finalUrl());
    } else {
      c = new Checked(SavedSession.State.UNKNOWN, "không kiểm tra được: " + r.verdict().get().status().label() + " — "
          + r.verdict().get().detail(), r.finalUrl());
    }
    Instant now = clock.instant();
    db.runInTransaction(s -> SavedSessions.find(s, p.code()).ifPresent(saved -> {
      ObjectNode before = JSON.createObjectNode().put("state", saved.getState().code());
      saved.mark(c.state(), c.detail(), now, true);
      AuditLog.append(s, now, actor, "session.check", "browser_session", p.code(), before.toString(),
          JSON.createObjectNode().put("state", c.state().code()).put("detail", c.detail()).toString());
    }));
    return c;
  }

  /**
   * Records what a harvest saw while using the platform's session (e.g. a checkpoint or a login wall): the accounts
   * page then shows it. Returns false when the platform has no saved session.
   */
  public boolean report(String platformCode, SavedSession.State state, String detail) {
    SessionPlatform p = SessionPlatform.of(platformCode);
    Instant now = clock.instant();
    boolean marked = db.inTransaction(s -> SavedSessions.find(s, p.code()).map(saved -> {
      saved.mark(state, detail, now, false);
      return true;
    }).orElse(false));
    if (marked) {
      LOG.info("{} session marked {}: {}", p.code(), state.code(), detail);
    }
    return marked;
  }

  /** The code of the platform whose saved session a page would get (its domains or its stand-in host), if any. */
  public Optional<String> platformOf(URI url) {
    return platformFor(url).map(SessionPlatform::code);
  }

  /**
   * The storage state the browser gets for a page: the saved session of the platform the page belongs to (its host
   * is one of the platform's domains, or the host of its {@code pageBaseUrl}), else empty. The session is opened in
   * memory only. When {@code pageBaseUrl} is a local stand-in (not on the platform's domains), its cookies are given
   * to that host instead, without {@code Secure} when it is plain http.
   */
  public Optional<String> storageStateFor(URI url) {
    Optional<SessionPlatform> platform = platformFor(url);
    if (platform.isEmpty()) {
      return Optional.empty();
    }
    SessionPlatform p = platform.get();
    Optional<SavedSession> saved = db.inTransaction(s -> SavedSessions.find(s, p.code()));
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    String state = saved.get().storageState(box.get());
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return Optional.of(p.owns(host) ? state : retarget(state, pageBase(p)));
  }

  /** The platform a page belongs to: its host is one of the platform's domains, or the stand-in host and port. */
  private Optional<SessionPlatform> platformFor(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    for (SessionPlatform p : SessionPlatform.values()) {
      URI base = pageBase(p);
      boolean standIn = !p.owns(base.getHost()) && host.equalsIgnoreCase(base.getHost()) && port(url) == port(base);
      if (p.owns(host) || standIn) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private URI pageBase(SessionPlatform p) {
    return settings.uri(p.pageBaseUrlKey()).orElseThrow();
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String retarget(String state, URI base) {
    try {
      JsonNode root = JSON.readTree(state);
      boolean plain = "http".equalsIgnoreCase(base.getScheme());
      for (JsonNode c : root.path("cookies")) {
        ObjectNode o = (ObjectNode) c;
        o.put("domain", base.getHost());
        if (plain) {
          o.put("secure", false).put("sameSite", "Lax");
        }
      }
      return root.toString();
    } catch (IOException e) {
      throw new IllegalStateException("the opened storage state is not JSON", e);
    }
  }

  private static ObjectNode describe(SavedSession s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("platform", s.getPlatform());
    n.put("format", s.getSourceFormat());
    n.put("cookies", s.getCookieCount());
    n.put("authExpiresAt", s.getAuthExpiresAt() == null ? null : s.getAuthExpiresAt().toString());
    n.put("importedBy", s.getImportedBy());
    return n;
  }

  static Row row(SavedSession s) {
    return new Row(s.getPlatform(), s.getSourceFormat(), s.getCookieCount(), s.getImportedBy(), s.getImportedAt(),
        s.getAuthExpiresAt(), s.getState().code(), s.getStateDetail(), s.getStateAt(), s.getCheckedAt());
  }
}
