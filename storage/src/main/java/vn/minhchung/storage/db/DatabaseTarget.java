package vn.minhchung.storage.db;

import java.nio.file.Path;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;

/**
 * Where the database is: a JDBC URL with optional credentials and schema. Without a configured URL it is the
 * embedded H2 file database under {@code DATA/db}, opened with {@code AUTO_SERVER} so that command-line calls
 * work while {@code serve} holds it open (its port listens on loopback only, see {@link H2Loopback}).
 */
public record DatabaseTarget(String jdbcUrl, Optional<String> user, Optional<String> password,
    Optional<String> schema, int poolSize) {

  public static DatabaseTarget fromSettings(Settings s) {
    Optional<String> url = s.get("database.url");
    if (url.isEmpty()) {
      return embedded(s.dataDir().resolve("db"));
    }
    return new DatabaseTarget(url.get(), s.get("database.user"), s.get("database.password"), Optional.empty(), 10);
  }

  public static DatabaseTarget embedded(Path dir) {
    String file = dir.toAbsolutePath().normalize().resolve("harvester").toString().replace('\\', '/');
    return new DatabaseTarget("jdbc:h2:file:" + file + ";" + H2_OPTIONS + ";" + H2_FILE_OPTIONS + ";AUTO_SERVER=TRUE",
        Optional.empty(), Optional.empty(), Optional.empty(), 10);
  }

  /**
   * Options of the embedded file database that keep it whole when the process dies (kill -9, power cut of the
   * JVM, a full disk) in the middle of a write: {@code WRITE_DELAY=0} writes every commit to the file before the
   * commit returns (H2's default keeps up to 500 ms of committed changes in memory only, lost when the process
   * dies), and {@code MAX_COMPACT_TIME=0} turns off the compaction that H2 runs while closing, which rewrites and
   * frees chunks (h2database issue 4247: chunks lost after compaction on close, in the 2.3 line). The file still
   * shrinks through H2's background housekeeping; the chunk retention time stays at H2's default, so a chunk is
   * never reused while the last written state still points into it. Tested by {@code H2CrashTest}.
   */
  public static final String H2_FILE_OPTIONS = "WRITE_DELAY=0;MAX_COMPACT_TIME=0";

  /** Options that make H2 accept the same SQL and sort the same way as PostgreSQL. */
  public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  public boolean isEmbedded() {
    return jdbcUrl.startsWith("jdbc:h2:file:");
  }

  Optional<Path> embeddedDirectory() {
    if (!isEmbedded()) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring("jdbc:h2:file:".length());
    int semi = rest.indexOf(';');
    return Optional.ofNullable(Path.of(semi < 0 ? rest : rest.substring(0, semi)).getParent());
  }

  public DatabaseTarget withSchema(String schemaName) {
    return new DatabaseTarget(jdbcUrl, user, password, Optional.of(schemaName), poolSize);
  }

  /** The URL without credentials, for messages. */
  public String describe() {
    int q = jdbcUrl.indexOf('?');
    String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    int semi = base.indexOf(';');
    return semi < 0 ? base : base.substring(0, semi);
  }

  @Override
  public String toString() {
    return "DatabaseTarget[" + describe() + schema.map(s -> ", schema " + s).orElse("") + "]";
  }
}
