package vn.minhchung.storage.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Databases for tests: always a fresh in-memory H2 in PostgreSQL mode, plus a fresh schema on PostgreSQL when
 * {@code HARVESTER_TEST_DB_URL} is set (user from {@code HARVESTER_TEST_DB_USER}, default {@code postgres}).
 * Use with {@code @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")} and
 * {@link #open(DatabaseTarget)}; close the database and call {@link #drop(DatabaseTarget)} afterwards.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static Stream<DatabaseTarget> targets() {
    List<DatabaseTarget> list = new ArrayList<>();
    list.add(h2());
    postgres().ifPresent(list::add);
    return list.stream();
  }

  public static DatabaseTarget h2() {
    String name = "t" + UUID.randomUUID().toString().replace("-", "");
    return new DatabaseTarget("jdbc:h2:mem:" + name + ";" + DatabaseTarget.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
        Optional.empty(), Optional.empty(), Optional.empty(), 4);
  }

  /** A fresh schema on the PostgreSQL of {@code HARVESTER_TEST_DB_URL}, when set. */
  public static Optional<DatabaseTarget> postgres() {
    String url = System.getenv("HARVESTER_TEST_DB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String user = Optional.ofNullable(System.getenv("HARVESTER_TEST_DB_USER")).orElse("postgres");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
    return Optional.of(new DatabaseTarget(url, Optional.of(user),
        Optional.ofNullable(System.getenv("HARVESTER_TEST_DB_PASSWORD")), Optional.of(schema), 4));
  }

  public static Database open(DatabaseTarget target) {
    return Database.open(target);
  }

  /** Drops what the test created: the PostgreSQL schema, or the whole in-memory H2 database. */
  public static void drop(DatabaseTarget target) {
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user().orElse(null),
        target.password().orElse(null)); Statement st = c.createStatement()) {
      if (target.isPostgres()) {
        st.execute("drop schema if exists " + target.schema().orElseThrow() + " cascade");
      } else {
        st.execute("drop all objects");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + target + ": " + e.getMessage(), e);
    }
  }

  /** A short label for parameterized test names. */
  public static String label(DatabaseTarget t) {
    return t.isPostgres() ? "postgresql" : "h2";
  }
}
