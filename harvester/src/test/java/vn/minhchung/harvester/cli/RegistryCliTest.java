package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryXlsxWriter;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;

class RegistryCliTest {
  static final Path SAMPLE = Path.of("../config/examples/bac-ninh.yaml").toAbsolutePath().normalize();
  static final String IMPORTED =
      "Imported 17 units, 5 channels, 2 plans (21 items, 4 targets): 45 created, 0 updated";
  @TempDir Path dir;

  @Test
  void importingTheSampleTwiceChangesNothingTheSecondTime() {
    CliRun first = CliRun.run(dir, "registry", "import", SAMPLE.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().trim()).isEqualTo(IMPORTED);
    CliRun second = CliRun.run(dir, "registry", "import", SAMPLE.toString());
    assertThat(second.out().trim()).isEqualTo(
        "Imported 17 units, 5 channels, 2 plans (21 items, 4 targets): 0 created, 0 updated");
  }

  @Test
  void channelsListJsonShowsAllFiveKindsWithTheDocumentedFields() throws Exception {
    CliRun.run(dir, "registry", "import", SAMPLE.toString());
    CliRun r = CliRun.run(dir, "channels", "list", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode list = new ObjectMapper().readTree(r.out());
    assertThat(list).hasSize(5);
    List<String> kinds = new ArrayList<>();
    list.forEach(c -> kinds.add(c.get("kind").asText()));
    assertThat(kinds).containsExactlyInAnyOrder("facebook_page", "zalo_oa", "youtube_channel", "news_site", "web_page");
    JsonNode bao = list.get(0);
    List<String> fields = new ArrayList<>();
    bao.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("code", "unit", "kind", "name", "url", "active", "lastRunAt", "lastRunStatus",
        "lastSuccessAt", "posts");
    assertThat(bao.get("code").asText()).isEqualTo("BAO-BN");
    assertThat(bao.get("name").asText()).isEqualTo("Báo Bắc Ninh");
    assertThat(bao.get("lastRunAt").isNull()).isTrue();
    assertThat(bao.get("posts").asLong()).isZero();
  }

  @Test
  void channelsListShowsRunTimesInVietnamTime() {
    CliRun.run(dir, "registry", "import", SAMPLE.toString());
    try (Database db = Database.open(DatabaseTarget.embedded(dir.resolve("db")))) {
      db.runInTransaction(s -> s.createNativeMutationQuery("insert into harvest_run (channel_id, started_at, ended_at, "
          + "status) select id, timestamp with time zone '2026-04-14 01:30:00+00', "
          + "timestamp with time zone '2026-04-14 01:32:10+00', 'success' from channel where code = 'FB-TTBN'")
          .executeUpdate());
    }
    CliRun json = CliRun.run(dir, "channels", "list", "--json");
    assertThat(json.out()).contains("\"lastRunAt\" : \"2026-04-14T08:30:00+07:00\"",
        "\"lastSuccessAt\" : \"2026-04-14T08:32:10+07:00\"", "\"lastRunStatus\" : \"success\"");
    CliRun table = CliRun.run(dir, "channels", "list");
    assertThat(table.out()).contains("FB-TTBN", "Truyền thông tỉnh Bắc Ninh", "14/04/2026 08:30", "success");
  }

  @Test
  void exportImportsBackToTheSameState() throws Exception {
    CliRun.run(dir, "registry", "import", SAMPLE.toString());
    Path out = dir.resolve("export.yaml");
    CliRun export = CliRun.run(dir, "registry", "export", "--out", out.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    CliRun stdout = CliRun.run(dir, "registry", "export");
    assertThat(stdout.out()).isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
    Path fresh = dir.resolve("fresh");
    assertThat(CliRun.run(fresh, "registry", "import", out.toString()).out().trim()).isEqualTo(IMPORTED);
    assertThat(CliRun.run(fresh, "registry", "export").out()).isEqualTo(stdout.out());
    assertThat(CliRun.run(dir, "registry", "import", out.toString()).out().trim()).endsWith(": 0 created, 0 updated");
  }

  @Test
  void workbookAndYamlImportToTheSameState() throws Exception {
    Path xlsx = dir.resolve("bac-ninh.xlsx");
    Files.write(xlsx, RegistryXlsxWriter.write(RegistryFile.read(SAMPLE, Set.of())));
    Path fromYaml = dir.resolve("yaml");
    Path fromXlsx = dir.resolve("xlsx");
    CliRun.run(fromYaml, "registry", "import", SAMPLE.toString());
    CliRun x = CliRun.run(fromXlsx, "registry", "import", xlsx.toString());
    assertThat(x.exitCode()).as(x.err()).isZero();
    assertThat(x.out().trim()).isEqualTo(IMPORTED);
    assertThat(CliRun.run(fromXlsx, "registry", "export").out())
        .isEqualTo(CliRun.run(fromYaml, "registry", "export").out());
    assertThat(CliRun.run(fromXlsx, "registry", "import", SAMPLE.toString()).out().trim())
        .endsWith(": 0 created, 0 updated");
  }

  @Test
  void channelsListWorksWhileAnotherProcessHoldsTheEmbeddedDatabase() throws Exception {
    CliRun.run(dir, "registry", "import", SAMPLE.toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        HoldEmbeddedDatabase.class.getName(), dir.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null && !line.equals("ready")) {
        // skip the child's log lines
      }
      assertThat(line).as("child opened the database").isEqualTo("ready");
      CliRun r = CliRun.run(dir, "channels", "list", "--json");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(new ObjectMapper().readTree(r.out())).hasSize(5);
      CliRun again = CliRun.run(dir, "registry", "import", SAMPLE.toString());
      assertThat(again.exitCode()).as(again.err()).isZero();
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }
}
