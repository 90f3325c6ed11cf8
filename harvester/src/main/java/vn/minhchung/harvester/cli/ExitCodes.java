package vn.minhchung.harvester.cli;

/** Exit codes of ARCHITECTURE.md. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** The work ran but found problems (e.g. verify found tampering). */
  public static final int PROBLEMS = 1;
  /** Bad input or configuration; the message names the file, line and field. */
  public static final int BAD_INPUT = 2;
  /** An outside system failed: network, browser, database. */
  public static final int OUTSIDE_FAILURE = 3;
}
