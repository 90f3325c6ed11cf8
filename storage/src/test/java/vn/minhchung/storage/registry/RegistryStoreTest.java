package vn.minhchung.storage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelEntry;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.config.registry.UnitEntry;
import vn.minhchung.config.registry.Where;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

class RegistryStoreTest {
  static final Path SAMPLE = Path.of("../config/examples/bac-ninh.yaml");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-20T01:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void importingTheSampleTwiceGivesTheSameStateAndNoNewAuditEvents(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      RegistryStore store = new RegistryStore(db, CLOCK);
      RegistryDocument doc = RegistryFile.read(SAMPLE, Set.of());
      RegistryImport first = store.importDocument(doc, "cli");
      assertThat(first.summary()).isEqualTo(
          "Imported 17 units, 5 channels, 2 plans (21 items, 4 targets): 45 created, 0 updated");
      String state = RegistryYamlWriter.write(store.export());
      assertThat(state).isEqualTo(RegistryYamlWriter.write(doc));
      long events = auditCount(db);
      assertThat(events).isEqualTo(45);

      RegistryImport second = store.importDocument(RegistryFile.read(SAMPLE, Set.of()), "cli");
      assertThat(second.summary()).endsWith(": 0 created, 0 updated");
      assertThat(RegistryYamlWriter.write(store.export())).isEqualTo(state);
      assertThat(auditCount(db)).isEqualTo(events);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void changedChannelIsUpdatedWithOneAuditEventAndHarvestedPostsStay(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      RegistryStore store = new RegistryStore(db, CLOCK);
      RegistryDocument doc = RegistryFile.read(SAMPLE, Set.of());
      store.importDocument(doc, "cli");
      db.runInTransaction(s -> s.doWork(c -> {
        try (var st = c.createStatement()) {
          st.execute("insert into harvest_run (channel_id, started_at, ended_at, status) select id, "
              + "timestamp with time zone '2026-04-19 23:00:00+00', timestamp with time zone '2026-04-19 23:05:00+00', "
              + "'success' from channel where code = 'BAO-BN'");
          st.execute("insert into post (channel_id, platform_id, url, canonical_url, title, first_seen_at, last_seen_at) "
              + "select id, 'bai-1', 'https://baobacninhtv.vn/bai-1', 'https://baobacninhtv.vn/bai-1', "
              + "'Bắc Ninh phổ biến Luật Chuyển đổi số', now(), now() from channel where code = 'BAO-BN'");
        }
      }));
      long events = auditCount(db);
      List<ChannelEntry> channels = new ArrayList<>(doc.channels());
      ChannelEntry bao = channels.get(3);
      channels.set(3, new ChannelEntry(bao.code(), bao.unit(), bao.kind(), "Báo Bắc Ninh điện tử", bao.url(),
          bao.platformId(), bao.schedule(), bao.active(), bao.options(), bao.where()));
      RegistryImport r = store.importDocument(new RegistryDocument(doc.units(), channels, doc.plans()), "thu.nguyen");
      assertThat(r.created()).isZero();
      assertThat(r.updated()).isEqualTo(1);
      assertThat(auditCount(db)).isEqualTo(events + 1);
      List<ChannelStatus> status = db.inTransaction(ChannelStatus::all);
      ChannelStatus s = status.stream().filter(c -> c.code().equals("BAO-BN")).findFirst().orElseThrow();
      assertThat(s.name()).isEqualTo("Báo Bắc Ninh điện tử");
      assertThat(s.posts()).isEqualTo(1);
      assertThat(s.lastRunStatus()).isEqualTo("success");
      assertThat(s.lastRunAt()).isEqualTo(Instant.parse("2026-04-19T23:00:00Z"));
      assertThat(s.lastSuccessAt()).isEqualTo(Instant.parse("2026-04-19T23:05:00Z"));
      assertThat(status).extracting(ChannelStatus::kind).containsExactlyInAnyOrder(ChannelKind.values());
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void failedImportLeavesTheDatabaseExactlyAsBefore(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      RegistryStore store = new RegistryStore(db, CLOCK);
      RegistryDocument doc = RegistryFile.read(SAMPLE, Set.of());
      store.importDocument(doc, "cli");
      Map<String, Long> before = rowCounts(db);
      String state = RegistryYamlWriter.write(store.export());
      List<UnitEntry> units = new ArrayList<>(doc.units());
      units.add(new UnitEntry("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh", "UBND-BN", Where.NONE));
      List<ChannelEntry> channels = new ArrayList<>(doc.channels());
      channels.add(new ChannelEntry("FB-SYT", "SYT", ChannelKind.FACEBOOK_PAGE, "Sở Y tế Bắc Ninh",
          "https://www.facebook.com/soytebacninh", null, null, true, Map.of(), Where.NONE));
      RegistryDocument bad = new RegistryDocument(units, channels, doc.plans());
      assertThatThrownBy(() -> store.importDocument(bad, "cli"))
          .isInstanceOf(RegistryImportException.class)
          .hasMessage("channel FB-SYT references unit 'SYT', which is neither in the file nor stored; add it under units");
      assertThat(rowCounts(db)).isEqualTo(before);
      assertThat(RegistryYamlWriter.write(store.export())).isEqualTo(state);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void decomposedNamesAreStoredInNfc(DatabaseTarget target) throws IOException {
    Path nfd = dir.resolve("nfd.yaml");
    Files.writeString(nfd, Normalizer.normalize("units:\n  - code: SKHCN\n    name: Sở Khoa học và Công nghệ tỉnh Bắc Ninh\n",
        Normalizer.Form.NFD), StandardCharsets.UTF_8);
    try (Database db = TestDatabases.open(target)) {
      new RegistryStore(db, CLOCK).importDocument(RegistryFile.read(nfd, Set.of()), "cli");
      String stored = db.inTransaction(s -> s.doReturningWork(c -> {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select name from unit")) {
          rs.next();
          return rs.getString(1);
        }
      }));
      assertThat(stored).isEqualTo(Normalizer.normalize(stored, Normalizer.Form.NFC))
          .isEqualTo("Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
    } finally {
      TestDatabases.drop(target);
    }
  }

  static long auditCount(Database db) {
    return rowCounts(db).get("audit_event");
  }

  static Map<String, Long> rowCounts(Database db) {
    return db.inTransaction(s -> s.doReturningWork(c -> {
      Map<String, Long> out = new java.util.TreeMap<>();
      for (String t : Database.TABLES_CHILDREN_FIRST) {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + t)) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
      return out;
    }));
  }
}
