package vn.minhchung.harvester.harvest;

/** How a run was started and what it may do. {@code trigger}: manual | schedule | retry | ui | demo. */
public record RunOptions(String trigger, boolean capture) {
  public static RunOptions manual(boolean capture) {
    return new RunOptions("manual", capture);
  }
}
