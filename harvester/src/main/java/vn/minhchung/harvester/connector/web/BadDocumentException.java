package vn.minhchung.harvester.connector.web;

/** A feed, sitemap or page that cannot be read; {@code reasonCode} goes into {@code run_problem}. */
final class BadDocumentException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reasonCode;

  BadDocumentException(String reasonCode, String message, Throwable cause) {
    super(message, cause);
    this.reasonCode = reasonCode;
  }

  String reasonCode() {
    return reasonCode;
  }
}
