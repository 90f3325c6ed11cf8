package vn.minhchung.review.auth;

import java.time.Instant;

/**
 * Server-side state behind one session cookie, as read from {@code web_session} for one request: the CSRF token,
 * the user once signed in, a one-shot message (written through to the table, so the next request may land on
 * another node).
 */
public final class WebSession {
  private final SessionStore store;
  private final String id;
  private final String csrf;
  private final WebUser user;
  private final Instant lastAccess;
  private volatile String flash;

  WebSession(SessionStore store, String id, String csrf, WebUser user, Instant lastAccess, String flash) {
    this.store = store;
    this.id = id;
    this.csrf = csrf;
    this.user = user;
    this.lastAccess = lastAccess;
    this.flash = flash;
  }

  public String id() {
    return id;
  }

  public String csrf() {
    return csrf;
  }

  /** The signed-in user, or null before login. */
  public WebUser user() {
    return user;
  }

  Instant lastAccess() {
    return lastAccess;
  }

  public void flash(String message) {
    this.flash = message;
    store.flash(this, message);
  }

  /** The pending message, cleared by reading it. */
  public String takeFlash() {
    String f = flash;
    if (f != null) {
      flash = null;
      store.flash(this, null);
    }
    return f;
  }
}
