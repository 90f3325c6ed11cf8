package vn.minhchung.config.settings;

import java.util.List;

/** The settings file or environment holds bad values; {@link #problems()} lists every one as {@code FILE:LINE:COL: key: problem}. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
