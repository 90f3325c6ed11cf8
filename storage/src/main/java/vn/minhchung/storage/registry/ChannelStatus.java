package vn.minhchung.storage.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import vn.minhchung.config.registry.ChannelKind;

/**
 * A registered channel with its last harvest run, last successful run and number of harvested posts, as
 * {@code channels list} shows it. Times are null when there was no such run.
 */
public record ChannelStatus(String code, String unit, ChannelKind kind, String name, String url, boolean active,
    Instant lastRunAt, String lastRunStatus, Instant lastSuccessAt, long posts) {

  private static final String SQL = """
      select c.code, u.code, c.kind, c.name, c.url, c.active,
        (select max(r.started_at) from harvest_run r where r.channel_id = c.id),
        (select r.status from harvest_run r where r.channel_id = c.id order by r.started_at desc, r.id desc limit 1),
        (select max(coalesce(r.ended_at, r.started_at)) from harvest_run r
          where r.channel_id = c.id and r.status = 'success'),
        (select count(*) from post p where p.channel_id = c.id)
      from channel c join unit u on u.id = c.unit_id
      order by c.code""";

  /** Every channel, ordered by code. */
  public static List<ChannelStatus> all(Session session) {
    return session.doReturningWork(conn -> {
      List<ChannelStatus> out = new ArrayList<>();
      try (var st = conn.prepareStatement(SQL); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(new ChannelStatus(rs.getString(1), rs.getString(2), ChannelKind.fromCode(rs.getString(3))
              .orElseThrow(() -> new IllegalStateException("unknown channel kind in the database")),
              rs.getString(4), rs.getString(5), rs.getBoolean(6), instant(rs, 7), rs.getString(8), instant(rs, 9),
              rs.getLong(10)));
        }
      }
      return out;
    });
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
