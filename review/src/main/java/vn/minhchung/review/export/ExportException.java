package vn.minhchung.review.export;

/** A dossier could not be made; {@link #reason()} tells the caller which exit code or HTTP status fits. */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why: the request names something that does not exist, stored data is missing, or an outside service failed. */
  public enum Reason { BAD_REQUEST, MISSING_DATA, OUTSIDE }

  private final Reason reason;

  public ExportException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ExportException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
