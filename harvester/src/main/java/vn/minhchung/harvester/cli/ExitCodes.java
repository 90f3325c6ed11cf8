package vn.minhchung.harvester.cli;

/**
 * Exit codes of ARCHITECTURE.md, plus 4 for {@code verify --require-timestamp} and 5 for {@code session check} (see
 * the README).
 */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** The work ran but found problems (e.g. verify found tampering). */
  public static final int PROBLEMS = 1;
  /** Bad input or configuration; the message names the file, line and field. */
  public static final int BAD_INPUT = 2;
  /** An outside system failed: network, browser, database. */
  public static final int OUTSIDE_FAILURE = 3;
  /**
   * {@code verify --require-timestamp}: nothing was found changed, but no timestamp of a trusted authority proves
   * when the dossier existed. Only with that flag, so scripts that do not ask see the codes above.
   */
  public static final int NO_TRUSTED_TIMESTAMP = 4;
  /**
   * {@code session check}: the platform asks to verify the account (a checkpoint) before it shows pages; a logged-out
   * session is 1 and a page that did not load 3.
   */
  public static final int SESSION_CHECKPOINT = 5;
}
