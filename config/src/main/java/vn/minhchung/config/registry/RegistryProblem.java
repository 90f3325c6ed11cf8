package vn.minhchung.config.registry;

/** One problem of a registry file, printed as {@code FILE:LINE:COLUMN: field: problem}. */
public record RegistryProblem(Location at, String field, String problem) {

  @Override
  public String toString() {
    return at + ": " + field + ": " + problem;
  }
}
