package vn.minhchung.storage.registry;

/** An import that cannot be applied to the stored registry; the transaction is rolled back. */
public final class RegistryImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryImportException(String message) {
    super(message);
  }
}
