package vn.minhchung.storage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;

/** The cascaded deadlines of seed 002 are stored with their item, resolved per unit and exported back as written. */
class UnitDeadlinesStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T01:00:00Z"), ZoneOffset.UTC);
  static final String YAML = """
      units:
        - code: SVHTTDL
          name: Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai
        - code: SKHCN
          name: Sở Khoa học và Công nghệ tỉnh Lào Cai
        - code: XA-BAT-XAT
          name: Ủy ban nhân dân xã Bát Xát
      plans:
        - code: 18-KH/BCĐ
          title: Kế hoạch truyền thông thúc đẩy chuyển đổi số
          items:
            - code: IV
              title: Báo cáo kết quả thực hiện công tác truyền thông về chuyển đổi số
              lead: SVHTTDL
              cooperating: [SKHCN, XA-BAT-XAT]
              deadline: 31/12/2025
              unitDeadline: 28/12/2025
              unitDeadlines:
                XA-BAT-XAT: 26/12/2025
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void unitDeadlinesAreStoredResolvedPerUnitAndExportedAsWritten(DatabaseTarget target) throws Exception {
    Path file = dir.resolve("lao-cai.yaml");
    Files.writeString(file, YAML, StandardCharsets.UTF_8);
    try (Database db = TestDatabases.open(target)) {
      RegistryStore store = new RegistryStore(db, CLOCK);
      store.importDocument(RegistryFile.read(file, Set.of()), "cli");
      Map<String, LocalDate> byUnit = db.inTransaction(s -> s.createSelectionQuery("from PlanItem i where i.code = 'IV'",
          PlanItem.class).getSingleResult().deadlinesByUnit());
      assertThat(byUnit).containsExactly(Map.entry("SKHCN", LocalDate.of(2025, 12, 28)),
          Map.entry("XA-BAT-XAT", LocalDate.of(2025, 12, 26)));
      String exported = RegistryYamlWriter.write(store.export());
      assertThat(exported).contains("unitDeadline: 28/12/2025", "unitDeadlines:", "XA-BAT-XAT: 26/12/2025");
      assertThat(store.importDocument(RegistryFile.read(file, Set.of()), "cli").summary()).contains("0 updated");
    } finally {
      TestDatabases.drop(target);
    }
  }
}
