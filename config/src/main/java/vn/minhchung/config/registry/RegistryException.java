package vn.minhchung.config.registry;

import java.util.List;

/** A registry file that cannot be imported; carries every problem found, in file order. */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<RegistryProblem> problems;

  public RegistryException(List<RegistryProblem> problems) {
    super(problems.size() + " problem(s) in the registry file, first: " + problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<RegistryProblem> problems() {
    return problems;
  }
}
