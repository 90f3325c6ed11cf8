package vn.minhchung.harvester.connector;

/** Interaction counts as read; null where the platform does not show that count. */
public record Counts(Long reactions, Long comments, Long shares, Long views, Long likes) {
  public static final Counts NONE = new Counts(null, null, null, null, null);

  public boolean isEmpty() {
    return reactions == null && comments == null && shares == null && views == null && likes == null;
  }
}
