package vn.minhchung.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.storage.files.OwnerOnly;

/**
 * One database of the application: a pooled {@link DataSource}, the schema migrated by Flyway, and a
 * Hibernate {@link SessionFactory} over the entities of {@link Entities#ALL}. Close it to release the pool.
 */
public final class Database implements AutoCloseable {

  private static final int LOCK_TIMEOUT_MS = 30_000;

  static {
    // H2 reads its bind address once, when its classes load; set before any H2 class is touched so the
    // AUTO_SERVER port of the embedded database listens on loopback only.
    if (System.getProperty(H2Loopback.PROPERTY) == null) {
      System.setProperty(H2Loopback.PROPERTY, H2Loopback.ADDRESS);
    }
  }

  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;
  private final DatabaseTarget target;

  private Database(HikariDataSource dataSource, SessionFactory sessionFactory, DatabaseTarget target) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
    this.target = target;
  }

  /** Opens the database the settings name (or the embedded H2 under the data dir), migrating it first. */
  public static Database open(Settings settings) {
    return open(DatabaseTarget.fromSettings(settings));
  }

  public static Database open(DatabaseTarget target) {
    if (target.isEmbedded()) {
      H2Loopback.check();
      createPrivateDirectory(target);
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(target.jdbcUrl());
    target.user().ifPresent(hc::setUsername);
    target.password().ifPresent(hc::setPassword);
    hc.setMaximumPoolSize(target.poolSize());
    hc.setPoolName("harvester-db");
    hc.setConnectionTimeout(15_000);
    hc.setInitializationFailTimeout(15_000);
    target.schema().ifPresent(hc::setSchema);
    if (!target.isPostgres()) {
      // H2 waits 1 s for a row lock by default; appends to the audit chain queue on one row for longer under load.
      hc.setConnectionInitSql("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MS);
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException("cannot connect to database " + target.describe() + ": " + rootMessage(e)
          + (target.isEmbedded() ? "" : "; check HARVESTER_DATABASE_URL / database.url and that the server runs"), e);
    }
    try {
      migrate(ds, target);
      Database db = new Database(ds, buildSessionFactory(ds, target), target);
      restrictFiles(target);
      return db;
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  /** Applies pending migrations; returns how many were applied. */
  public static MigrateResult migrate(DataSource ds, DatabaseTarget target) {
    var cfg = Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .validateMigrationNaming(true);
    target.schema().ifPresent(s -> cfg.schemas(s).defaultSchema(s).createSchemas(true));
    return cfg.load().migrate();
  }

  private static SessionFactory buildSessionFactory(DataSource ds, DatabaseTarget target) {
    Configuration cfg = new Configuration();
    Entities.ALL.forEach(cfg::addAnnotatedClass);
    cfg.getProperties().put("hibernate.connection.datasource", ds);
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    cfg.setProperty("hibernate.jdbc.time_zone", "UTC");
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.order_updates", "true");
    cfg.setProperty("hibernate.show_sql", "false");
    // PostgreSQL's dialect is detected from the connection's metadata; H2 runs with PostgreSQL's null ordering.
    if (!target.isPostgres()) {
      cfg.setProperty("hibernate.dialect", H2PostgresModeDialect.class.getName());
    }
    target.schema().ifPresent(s -> cfg.setProperty("hibernate.default_schema", s));
    return cfg.buildSessionFactory();
  }

  public <T> T inTransaction(Function<Session, T> work) {
    return sessionFactory.fromTransaction(work);
  }

  public void runInTransaction(Consumer<Session> work) {
    sessionFactory.inTransaction(work);
  }

  public SessionFactory sessionFactory() {
    return sessionFactory;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseTarget target() {
    return target;
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void close() {
    sessionFactory.close();
    dataSource.close();
  }

  /** The database directory and the data directory holding it: owner-only (0700). */
  private static void createPrivateDirectory(DatabaseTarget target) {
    Optional<Path> dir = target.embeddedDirectory();
    if (dir.isPresent()) {
      try {
        Path parent = dir.get().getParent();
        if (parent != null) {
          OwnerOnly.directory(parent);
        }
        OwnerOnly.directory(dir.get());
      } catch (java.io.IOException e) {
        throw new DatabaseUnavailableException("cannot create database directory " + dir.get() + ": " + e.getMessage(), e);
      }
    }
  }

  /** The database file, its lock file (holding the key of the AUTO_SERVER port) and trace files: 0600. */
  private static void restrictFiles(DatabaseTarget target) {
    Optional<Path> dir = target.embeddedDirectory();
    if (dir.isPresent()) {
      try {
        OwnerOnly.filesIn(dir.get());
      } catch (java.io.IOException e) {
        throw new DatabaseUnavailableException("cannot restrict the permissions of the files in " + dir.get() + ": "
            + e.getMessage(), e);
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Names of the tables created by the migrations, in an order safe for deleting rows (children first). */
  public static final List<String> TABLES_CHILDREN_FIRST = List.of(
      "alert", "channel_account", "connect_state", "evidence_link", "evidence", "capture", "metric_snapshot",
      "run_problem", "post", "harvest_run", "target", "plan_item_cooperating", "plan_item", "plan", "channel", "unit",
      "blob", "audit_event", "audit_head", "login_throttle", "app_user", "platform_account", "youtube_quota",
      "fetch_validator");
}
