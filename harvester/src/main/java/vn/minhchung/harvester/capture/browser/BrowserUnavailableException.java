package vn.minhchung.harvester.capture.browser;

/** No usable browser: missing executable, or it would not start. The message says how to fix it. */
public final class BrowserUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrowserUnavailableException(String message) {
    super(message);
  }

  public BrowserUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
