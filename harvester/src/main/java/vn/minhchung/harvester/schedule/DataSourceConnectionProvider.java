package vn.minhchung.harvester.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Lets Quartz borrow connections from the application's pool instead of opening its own; the pool belongs to
 * {@code Database}, so {@link #shutdown()} leaves it open.
 */
final class DataSourceConnectionProvider implements ConnectionProvider {
  private final DataSource dataSource;

  DataSourceConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // The pool is closed by Database.close(), after the scheduler has stopped.
  }

  @Override
  public void initialize() {
    // Nothing to open: the DataSource is ready when the scheduler is built.
  }
}
