package vn.minhchung.storage.credential;

/** The secret key is missing, malformed, or not the one that sealed a stored secret. The message says what to do. */
public final class SecretKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SecretKeyException(String message) {
    super(message);
  }
}
