package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  @Test
  void dbMigrateCreatesTheEmbeddedDatabaseUnderTheDataDir() {
    CliRun r = CliRun.run(dir, "db", "migrate");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("schema version");
    assertThat(dir.resolve("db/harvester.mv.db")).exists();
  }

  @Test
  void unknownSettingInTheFileIsBadInputNamingFileLineAndKey() throws Exception {
    Path cfg = dir.resolve("harvester.yaml");
    Files.writeString(cfg, "web:\n  port: 8080\nplatforms:\n  youtube:\n    apiKee: abc\n", StandardCharsets.UTF_8);
    CliRun r = CliRun.run(dir, "db", "migrate");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(cfg + ":5:5: platforms.youtube.apiKee: unknown setting");
  }

  @Test
  void missingCommandIsBadInput() {
    CliRun r = CliRun.run(dir);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
  }
}
