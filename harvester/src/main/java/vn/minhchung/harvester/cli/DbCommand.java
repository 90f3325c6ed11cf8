package vn.minhchung.harvester.cli;

import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.minhchung.storage.db.Database;

/** {@code db migrate}: applies the schema migrations (they are also applied whenever the database opens). */
@Command(name = "db", description = "Database maintenance.", subcommands = {DbCommand.Migrate.class})
final class DbCommand {

  @Command(name = "migrate", description = "Apply pending schema migrations.")
  static final class Migrate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Database db = Main.of(spec).context().database();
      MigrateResult r = Database.migrate(db.dataSource(), db.target());
      spec.commandLine().getOut().println("Database " + db.target().describe() + " is at schema version "
          + (r.targetSchemaVersion != null ? r.targetSchemaVersion : r.initialSchemaVersion) + ".");
      return ExitCodes.OK;
    }
  }
}
