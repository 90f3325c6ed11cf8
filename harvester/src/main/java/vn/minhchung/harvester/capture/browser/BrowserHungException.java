package vn.minhchung.harvester.capture.browser;

/** The browser stopped answering during a task and the watchdog killed it; the task is retried once. */
public final class BrowserHungException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrowserHungException(String message, Throwable cause) {
    super(message, cause);
  }
}
