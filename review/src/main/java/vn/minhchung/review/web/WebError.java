package vn.minhchung.review.web;

/** Ends a request with an HTTP status and a Vietnamese message shown on the error page. */
public final class WebError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public WebError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static WebError forbidden() {
    return new WebError(403, "Bạn không có quyền thực hiện thao tác này.");
  }

  public static WebError notFound(String what) {
    return new WebError(404, "Không tìm thấy " + what + ".");
  }
}
