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
    return new DatabaseTarget("jdbc:h2:file:" + file + ";" + H2_OPTIONS + ";AUTO_SERVER=TRUE",
        Optional.empty(), Optional.empty(), Optional.empty(), 10);
  }

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
