package vn.minhchung.storage.db;

import java.time.Instant;

/** Timestamps read by native queries arrive as Instant, OffsetDateTime or Timestamp, depending on the driver. */
public final class SqlTimes {
  private SqlTimes() {}

  public static Instant instant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + (o == null ? "null" : o.getClass().getName()));
  }
}
