package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.registry.RegistryStore;

/** Each bad registry file: every problem on stderr exactly, exit code 2, and the database exactly as before. */
class RegistryImportBadInputTest {
  static final Path FIXTURES = Path.of("../config/src/test/resources/fixtures/registry").toAbsolutePath().normalize();
  @TempDir static Path dir;
  static String before;

  @BeforeAll
  static void importTheSample() {
    CliRun r = CliRun.run(dir, "registry", "import", RegistryCliTest.SAMPLE.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    before = state(dir);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("invalid-yaml.yaml", List.of(":5:4: (file): invalid YAML: expected <block end>, but found "
            + "'<block mapping start>' (while parsing a block collection); check indentation and quoting near this line")),
        Arguments.of("unknown-keys.yaml", List.of(
            ":4:5: website: unknown key in units[]; expected one of code, name, parent",
            ":12:7: options.feedUrl: unknown option for facebook_page; expected one of via",
            ":13:1: reports: unknown key; expected one of units, channels, plans")),
        Arguments.of("duplicate-codes.yaml", List.of(
            ":4:11: code: duplicate unit code 'SKHCN'; first defined at {f}:2:11",
            ":12:15: code: duplicate item code 'II.2'; first defined at {f}:10:15")),
        Arguments.of("unknown-references.yaml", List.of(
            ":4:13: parent: unknown unit 'UBND-BNN'; add it under units or fix the code",
            ":7:11: unit: unknown unit 'BPTH-BN'; add it under units or fix the code",
            ":18:22: cooperating: unknown unit 'SYT'; add it under units or fix the code",
            ":18:22: cooperating: unknown unit 'SGDDT'; add it under units or fix the code")),
        Arguments.of("bad-cron.yaml", List.of(":10:15: schedule: Quartz rejects the cron expression '0 6 * * *': "
            + "Unexpected end of expression.; expected six or seven fields such as \"0 0 6 * * ?\" (06:00 daily)")),
        Arguments.of("url-kind.yaml", List.of(
            ":9:10: url: a facebook_page URL must be on facebook.com or fb.com but the host is zalo.me",
            ":14:10: url: a youtube_channel URL must be on youtube.com or youtu.be but the host is "
                + "www.youtube.com.evil.example",
            ":19:10: url: expected an absolute http(s) URL but was 'ftp://bacninh.gov.vn/'")),
        Arguments.of("bad-dates.yaml", List.of(
            ":4:15: issuedOn: expected a date dd/MM/yyyy such as 15/11/2026 but was '2026-04-14'",
            ":8:19: deadline: expected a date dd/MM/yyyy such as 15/11/2026 but was '31/11/2026'",
            ":10:24: component: expected an evidence component 1..6 but was 7",
            ":13:26: minDuration: expected a positive ISO-8601 duration such as PT5M or PT1H30M but was '5 phút'")),
        Arguments.of("latin1.yaml", List.of(":3:12: (file): the file is not UTF-8: invalid byte 0xE1 at byte offset 34; "
            + "save it as UTF-8 (in Excel or Notepad: \"Save as\", encoding UTF-8)")),
        Arguments.of("empty.yaml", List.of(
            ":1:1: (file): the file is empty; expected units, channels and plans (see config/examples/bac-ninh.yaml)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileIsRejectedWithEveryProblemAndNothingWritten(String name, List<String> problems) {
    Path f = FIXTURES.resolve(name);
    CliRun r = CliRun.run(dir, "registry", "import", f.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    StringBuilder expected = new StringBuilder();
    for (String p : problems) {
      expected.append(f).append(p.replace("{f}", f.toString())).append('\n');
    }
    expected.append("error: ").append(problems.size()).append(" problem(s) in ").append(f)
        .append("; nothing was imported\n");
    assertThat(r.err()).isEqualTo(expected.toString());
    assertThat(r.out()).isEmpty();
    assertThat(state(dir)).isEqualTo(before);
  }

  @Test
  void fiftyMegabyteFileIsRefusedWithoutRunningOutOfMemory() throws IOException {
    Path big = dir.resolve("danh-muc-50mb.yaml");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("units:\n".getBytes(StandardCharsets.UTF_8));
      byte[] unit = "  - code: XA-0000001\n    name: UBND xã Tân Chi, tỉnh Bắc Ninh\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 7; written < 50L * 1024 * 1024; written += unit.length) {
        out.write(unit);
      }
    }
    CliRun r = CliRun.run(dir, "registry", "import", big.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo(big + ":1:1: (file): " + String.format(Locale.ROOT, "file is %,d bytes", Files.size(big))
        + ", above the limit of 16,777,216 bytes (16 MiB) for a YAML registry; split it into several files and import "
        + "them one after the other\nerror: 1 problem(s) in " + big + "; nothing was imported\n");
    assertThat(state(dir)).isEqualTo(before);
  }

  @Test
  void decomposedNamesAreStoredInNfc(@TempDir Path fresh) {
    CliRun r = CliRun.run(fresh, "registry", "import", FIXTURES.resolve("nfd-names.yaml").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (Database db = Database.open(DatabaseTarget.embedded(fresh.resolve("db")))) {
      String name = db.inTransaction(s -> s.createNativeQuery("select name from unit", String.class).getSingleResult());
      assertThat(name).isEqualTo("Sở Khoa học và Công nghệ tỉnh Bắc Ninh").hasSize(38);
    }
  }

  /** The exported registry and every table's row count, read in one opening of the database. */
  static String state(Path dataDir) {
    try (Database db = Database.open(DatabaseTarget.embedded(dataDir.resolve("db")))) {
      String registry = RegistryYamlWriter.write(new RegistryStore(db, Clock.systemUTC()).export());
      Map<String, Long> counts = db.inTransaction(s -> s.doReturningWork(c -> {
        Map<String, Long> out = new TreeMap<>();
        for (String t : Database.TABLES_CHILDREN_FIRST) {
          try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + t)) {
            rs.next();
            out.put(t, rs.getLong(1));
          }
        }
        return out;
      }));
      return registry + counts;
    }
  }
}
