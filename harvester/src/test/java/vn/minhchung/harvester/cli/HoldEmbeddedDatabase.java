package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;

/**
 * Child process for tests: opens the embedded database of a data dir the way {@code serve} does, prints
 * "ready", and keeps it open until its stdin closes.
 */
public final class HoldEmbeddedDatabase {
  private HoldEmbeddedDatabase() {}

  public static void main(String[] args) throws IOException {
    try (Database db = Database.open(DatabaseTarget.embedded(Path.of(args[0]).resolve("db")))) {
      db.runInTransaction(s -> s.createNativeQuery("select count(*) from channel", Long.class).getSingleResult());
      System.out.write("ready\n".getBytes(StandardCharsets.UTF_8));
      System.out.flush();
      while (System.in.read() >= 0) {
        // keep the database open until the parent closes our stdin
      }
    }
  }
}
