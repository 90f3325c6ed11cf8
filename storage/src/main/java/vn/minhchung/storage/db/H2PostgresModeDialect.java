package vn.minhchung.storage.db;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.NullOrdering;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * H2 as the embedded database opens it ({@link DatabaseTarget#H2_OPTIONS}: {@code DEFAULT_NULL_ORDERING=HIGH},
 * nulls sort as the greatest values, as on PostgreSQL). The stock H2 dialect assumes H2's default (nulls
 * smallest) and therefore drops an HQL {@code desc nulls last} as redundant, which put plans without a date
 * first on H2 only.
 */
public class H2PostgresModeDialect extends H2Dialect {
  public H2PostgresModeDialect(DialectResolutionInfo info) {
    super(info);
  }

  public H2PostgresModeDialect() {
    super();
  }

  @Override
  public NullOrdering getNullOrdering() {
    return NullOrdering.GREATEST;
  }
}
