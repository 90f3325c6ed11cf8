package vn.minhchung.harvester.schedule;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;

/**
 * A scheduler node in its own JVM for the fail-over test: starts a clustered scheduler on the given PostgreSQL
 * schema, triggers one slow run of a channel and runs until the test kills the process.
 * Arguments: JDBC_URL USER SCHEMA CHANNEL POSTS PAUSE_MS.
 */
public final class SchedulerNodeMain {
  private SchedulerNodeMain() {}

  public static void main(String[] args) throws Exception {
    DatabaseTarget target = new DatabaseTarget(args[0], Optional.of(args[1]), Optional.empty(), Optional.of(args[2]), 12);
    Database db = Database.open(target);
    ScriptedHarvester harvester = new ScriptedHarvester(db, Clock.systemUTC(), Integer.parseInt(args[4]),
        Duration.ofMillis(Long.parseLong(args[5])));
    HarvestScheduler node = new HarvestScheduler(db,
        SchedulerFixtures.fastSettings(Files.createTempDirectory("node"), Map.of()), harvester, Optional.empty(),
        Clock.systemUTC());
    node.start();
    node.triggerNow(args[3], "ui");
    System.out.println("STARTED " + node.instanceId());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5).toMillis());
    node.stop(false);
    db.close();
  }
}
