package vn.minhchung.storage.db;

/** The database cannot be reached or opened; the command line maps it to exit code 3. */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
