package vn.minhchung.review.upload;

/** An upload that cannot be accepted; the message is Vietnamese and says what to do. {@code status} is the HTTP status. */
public final class UploadRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public UploadRejected(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
