package vn.minhchung.harvester.spec;

/** The duration bounds of one plan target in seconds; a null bound is open. */
public record DurationBounds(Integer minSeconds, Integer maxSeconds, String description) {

  public boolean contains(int seconds) {
    return (minSeconds == null || seconds >= minSeconds) && (maxSeconds == null || seconds <= maxSeconds);
  }
}
