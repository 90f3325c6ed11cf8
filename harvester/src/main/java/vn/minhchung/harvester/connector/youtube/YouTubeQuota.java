package vn.minhchung.harvester.connector.youtube;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.storage.db.Database;

/**
 * YouTube Data API units spent per Pacific day, shared by all channels. {@link #spend} refuses a call that would
 * go over the daily budget, so the last units are never burnt on calls that fail with {@code quotaExceeded}.
 */
public sealed interface YouTubeQuota permits YouTubeQuota.InDatabase, YouTubeQuota.InMemory {
  ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  /** Takes {@code units} from today's budget of {@code dailyLimit}, or throws QUOTA with the next reset time. */
  void spend(int units, int dailyLimit, String channelCode, Instant now) throws ConnectorException;

  /** Units spent on the Pacific day of {@code now}. */
  int used(Instant now);

  static LocalDate day(Instant now) {
    return LocalDate.ofInstant(now, PACIFIC);
  }

  /** The next midnight in Los Angeles, when Google resets the quota. */
  static Instant nextReset(Instant now) {
    return day(now).plusDays(1).atStartOfDay(PACIFIC).toInstant();
  }

  static ConnectorException exhausted(String channelCode, int dailyLimit, Instant now) {
    Instant reset = nextReset(now);
    return new ConnectorException(ConnectorException.Kind.QUOTA, channelCode + ": đã dùng hết hạn mức YouTube "
        + dailyLimit + " đơn vị trong ngày (platforms.youtube.dailyQuota); tiếp tục sau " + reset
        + " (nửa đêm giờ Thái Bình Dương)", reset, null);
  }

  /** Counted in table {@code youtube_quota}: survives restarts and is shared by every node. */
  record InDatabase(Database database) implements YouTubeQuota {
    @Override
    public void spend(int units, int dailyLimit, String channelCode, Instant now) throws ConnectorException {
      LocalDate day = day(now);
      try (Connection c = database.connection()) {
        c.setAutoCommit(true);
        if (take(c, day, units, dailyLimit)) {
          return;
        }
        try (PreparedStatement ins = c.prepareStatement("insert into youtube_quota (pacific_day, units_used) "
            + "select cast(? as date), 0 where not exists (select 1 from youtube_quota where pacific_day = cast(? as date))")) {
          ins.setObject(1, day);
          ins.setObject(2, day);
          ins.executeUpdate();
        } catch (SQLException raceLost) {
          // Another node inserted today's row first; the update below uses it.
        }
        if (!take(c, day, units, dailyLimit)) {
          throw exhausted(channelCode, dailyLimit, now);
        }
      } catch (SQLException e) {
        throw new ConnectorException(ConnectorException.Kind.TRANSIENT, channelCode
            + ": cannot count YouTube quota in table youtube_quota: " + e.getMessage(), null, e);
      }
    }

    @Override
    public int used(Instant now) {
      try (Connection c = database.connection();
          PreparedStatement q = c.prepareStatement("select units_used from youtube_quota where pacific_day = ?")) {
        q.setObject(1, day(now));
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read table youtube_quota: " + e.getMessage(), e);
      }
    }

    private static boolean take(Connection c, LocalDate day, int units, int limit) throws SQLException {
      try (PreparedStatement up = c.prepareStatement("update youtube_quota set units_used = units_used + ? "
          + "where pacific_day = ? and units_used + ? <= ?")) {
        up.setInt(1, units);
        up.setObject(2, day);
        up.setInt(3, units);
        up.setInt(4, limit);
        return up.executeUpdate() == 1;
      }
    }
  }

  /** Counted in this process only: for runs without a database (benchmarks, one-off tools). */
  record InMemory(Map<LocalDate, Integer> spent) implements YouTubeQuota {
    public InMemory() {
      this(new ConcurrentHashMap<>());
    }

    @Override
    public void spend(int units, int dailyLimit, String channelCode, Instant now) throws ConnectorException {
      boolean[] ok = {false};
      spent.compute(day(now), (d, used) -> {
        int u = used == null ? 0 : used;
        ok[0] = u + units <= dailyLimit;
        return ok[0] ? u + units : u;
      });
      if (!ok[0]) {
        throw exhausted(channelCode, dailyLimit, now);
      }
    }

    @Override
    public int used(Instant now) {
      return spent.getOrDefault(day(now), 0);
    }
  }
}
