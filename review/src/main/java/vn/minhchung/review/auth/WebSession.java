package vn.minhchung.review.auth;

import java.time.Instant;

/** Server-side state behind one session cookie: the CSRF token, the user once signed in, a one-shot message. */
public final class WebSession {
  private final String id;
  private final String csrf;
  private final WebUser user;
  private volatile Instant lastAccess;
  private volatile String flash;

  WebSession(String id, String csrf, WebUser user, Instant now) {
    this.id = id;
    this.csrf = csrf;
    this.user = user;
    this.lastAccess = now;
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

  void touch(Instant now) {
    lastAccess = now;
  }

  public void flash(String message) {
    this.flash = message;
  }

  /** The pending message, cleared by reading it. */
  public String takeFlash() {
    String f = flash;
    flash = null;
    return f;
  }
}
