package vn.minhchung.config.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFileTest {
  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(RegistryFileTest.class.getResource("/fixtures/registry/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path sample() {
    return Path.of("examples/bac-ninh.yaml").toAbsolutePath();
  }

  private static List<String> problems(Path file) {
    try {
      RegistryFile.read(file, Set.of());
    } catch (RegistryException e) {
      return e.problems().stream().map(RegistryProblem::toString).toList();
    }
    throw new AssertionError("expected problems in " + file);
  }

  @Test
  void readsTheBacNinhSampleWithEveryItemAndTheQuantifiedTargets() {
    RegistryDocument doc = RegistryFile.read(sample(), Set.of());
    assertThat(doc.units()).hasSize(17);
    assertThat(doc.channels()).extracting(ChannelEntry::kind).containsExactlyInAnyOrder(ChannelKind.values());
    assertThat(doc.plans()).extracting(PlanEntry::code).containsExactly("110/KH-UBND", "KHTT-CDS-2025");
    PlanEntry kh110 = doc.plans().get(0);
    assertThat(kh110.issuedOn()).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(kh110.items()).hasSize(18);
    ItemEntry ii2 = kh110.items().get(1);
    assertThat(ii2.code()).isEqualTo("II.2");
    assertThat(ii2.deadline()).isEqualTo(LocalDate.of(2026, 11, 15));
    assertThat(ii2.cooperating()).startsWith("STP", "SVHTTDL");
    TargetEntry clips = doc.plans().get(1).items().get(0).targets().get(0);
    assertThat(clips.component()).isEqualTo(2);
    assertThat(clips.count()).isEqualTo(7);
    assertThat(clips.minDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(clips.maxDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(clips.kind()).isEqualTo(EvidenceKind.CLIP);
    assertThat(doc.plans().get(1).items().get(0).targets()).extracting(TargetEntry::kind)
        .containsExactly(EvidenceKind.CLIP, EvidenceKind.INFOGRAPHIC_3D, EvidenceKind.INFOGRAPHIC_2D);
    ChannelEntry portal = doc.channels().get(4);
    assertThat(portal.options().get("watchText")).containsExactly("Ngày Chuyển đổi số quốc gia");
    assertThat(portal.where().at("url").toString()).endsWith("bac-ninh.yaml:99:10");
  }

  @Test
  void writtenYamlReadsBackToTheSameDocument() throws IOException {
    RegistryDocument doc = RegistryFile.read(sample(), Set.of());
    Path out = dir.resolve("export.yaml");
    Files.writeString(out, RegistryYamlWriter.write(doc), StandardCharsets.UTF_8);
    RegistryDocument again = RegistryFile.read(out, Set.of());
    assertThat(RegistryYamlWriter.write(again)).isEqualTo(RegistryYamlWriter.write(doc));
  }

  @Test
  void workbookOfTheSampleReadsBackToTheSameDocument() throws IOException {
    RegistryDocument doc = RegistryFile.read(sample(), Set.of());
    Path xlsx = dir.resolve("bac-ninh.xlsx");
    Files.write(xlsx, RegistryXlsxWriter.write(doc));
    RegistryDocument fromXlsx = RegistryFile.read(xlsx, Set.of());
    assertThat(RegistryYamlWriter.write(fromXlsx)).isEqualTo(RegistryYamlWriter.write(doc));
    assertThat(fromXlsx.channels().get(0).where().at("url").toString()).isEqualTo(xlsx + ":channels!2:E");
  }

  @Test
  void invalidYamlNamesTheLine() {
    Path f = fixture("invalid-yaml.yaml");
    assertThat(problems(f)).containsExactly(f + ":5:4: (file): invalid YAML: expected <block end>, but found "
        + "'<block mapping start>' (while parsing a block collection); check indentation and quoting near this line");
  }

  @Test
  void yamlAnchorsAndAliasesAreRefusedWithTheirLocation() {
    Path f = fixture("aliases.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":2:5: (file): YAML anchor '&so' is not allowed in the registry (aliases are refused); remove it",
        f + ":5:11: (file): YAML alias '*so' is not allowed in the registry; write the value out in full here");
  }

  @Test
  void unknownKeysAreEachReportedWithTheirLocation() {
    Path f = fixture("unknown-keys.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":4:5: website: unknown key in units[]; expected one of code, name, parent",
        f + ":12:7: options.feedUrl: unknown option for facebook_page; expected one of via",
        f + ":13:1: reports: unknown key; expected one of units, channels, plans");
  }

  @Test
  void viaTakesOnlyTheWaysEachKindCanBeReadAndNewsSitesTakeNone() {
    Path f = fixture("via-values.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":11:12: options.via: unknown value 'feed' for facebook_page; expected one of api, auto, browser",
        f + ":33:7: options.via: unknown option for news_site; expected one of feedUrl, sitemapUrl, listingUrl,"
            + " articleLink, nextLink");
  }

  @Test
  void duplicateCodesNameTheFirstDefinition() {
    Path f = fixture("duplicate-codes.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":4:11: code: duplicate unit code 'SKHCN'; first defined at " + f + ":2:11",
        f + ":12:15: code: duplicate item code 'II.2'; first defined at " + f + ":10:15");
  }

  @Test
  void unknownUnitReferencesAreAllReported() {
    Path f = fixture("unknown-references.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":4:13: parent: unknown unit 'UBND-BNN'; add it under units or fix the code",
        f + ":7:11: unit: unknown unit 'BPTH-BN'; add it under units or fix the code",
        f + ":18:22: cooperating: unknown unit 'SYT'; add it under units or fix the code",
        f + ":18:22: cooperating: unknown unit 'SGDDT'; add it under units or fix the code");
  }

  @Test
  void referencesToUnitsAlreadyStoredAreAccepted() {
    RegistryDocument doc = RegistryFile.read(fixture("unknown-references.yaml"),
        Set.of("UBND-BNN", "BPTH-BN", "SYT", "SGDDT"));
    assertThat(doc.channels()).hasSize(1);
  }

  @Test
  void cronThatQuartzRejectsIsReported() {
    Path f = fixture("bad-cron.yaml");
    assertThat(problems(f)).containsExactly(f + ":10:15: schedule: Quartz rejects the cron expression '0 6 * * *': "
        + "Unexpected end of expression.; expected six or seven fields such as \"0 0 6 * * ?\" (06:00 daily)");
  }

  @Test
  void urlsThatDoNotFitTheKindAreReported() {
    Path f = fixture("url-kind.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":9:10: url: a facebook_page URL must be on facebook.com or fb.com but the host is zalo.me",
        f + ":14:10: url: a youtube_channel URL must be on youtube.com or youtu.be but the host is "
            + "www.youtube.com.evil.example",
        f + ":19:10: url: expected an absolute http(s) URL but was 'ftp://bacninh.gov.vn/'");
  }

  @Test
  void datesComponentsAndDurationsOutOfFormatAreReported() {
    Path f = fixture("bad-dates.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":4:15: issuedOn: expected a date dd/MM/yyyy such as 15/11/2026 but was '2026-04-14'",
        f + ":8:19: deadline: expected a date dd/MM/yyyy such as 15/11/2026 but was '31/11/2026'",
        f + ":10:24: component: expected an evidence component 1..6 but was 7",
        f + ":13:26: minDuration: expected a positive ISO-8601 duration such as PT5M or PT1H30M but was '5 phút'");
  }

  @Test
  void targetKindsOutsideTheListAndBoundsOnKindsWithoutDurationAreReported() {
    Path f = fixture("bad-kinds.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":10:19: kind: expected one of clip, infographic_2d, infographic_3d, article, post, banner_day but was "
            + "'video'",
        f + ":17:26: maxDuration: a target of kind infographic_2d has no duration; bounds apply to kinds clip and "
            + "infographic_3d (or a target without kind)");
  }

  @Test
  void workbookTargetKindIsAColumnAndAWrongOneNamesSheetRowAndColumn() throws IOException {
    RegistryDocument doc = RegistryFile.read(sample(), Set.of());
    Path xlsx = dir.resolve("kinds.xlsx");
    Files.write(xlsx, RegistryXlsxWriter.write(doc));
    RegistryDocument back = RegistryFile.read(xlsx, Set.of());
    assertThat(back.plans().get(1).items().get(0).targets()).extracting(TargetEntry::kind)
        .containsExactly(EvidenceKind.CLIP, EvidenceKind.INFOGRAPHIC_3D, EvidenceKind.INFOGRAPHIC_2D);
    try (var in = Files.newInputStream(xlsx); var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      var targets = book.getSheet("targets");
      assertThat(targets.getRow(0).getCell(3).getStringCellValue()).isEqualTo("kind");
      int row = 1;
      while (!"infographic_3d".equals(targets.getRow(row).getCell(3).getStringCellValue())) {
        row++;
      }
      targets.getRow(row).getCell(3).setCellValue("đồ họa 3D");
      Path bad = dir.resolve("bad-kind.xlsx");
      try (OutputStream out = Files.newOutputStream(bad)) {
        book.write(out);
      }
      assertThat(problems(bad)).containsExactly(bad + ":targets!" + (row + 1) + ":D: kind: expected one of clip, "
          + "infographic_2d, infographic_3d, article, post, banner_day but was 'đồ họa 3D'");
    }
  }

  @Test
  void expectedComponentsComeFromTheItemElseThePlanElseAllSix() {
    PlanEntry kh110 = RegistryFile.read(sample(), Set.of()).plans().get(0);
    PlanEntry khtt = RegistryFile.read(sample(), Set.of()).plans().get(1);
    assertThat(kh110.components()).isEmpty();
    ItemEntry ii1 = kh110.items().get(0);
    assertThat(ii1.components()).isNull();
    assertThat(ii1.expected(kh110)).as("rà soát văn bản needs a report only").isEmpty();
    assertThat(kh110.items().get(1).expected(kh110)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(khtt.items().get(0).expected(khtt)).containsExactly(2, 5);
    assertThat(khtt.items().get(2).expected(khtt)).as("IV.3 takes the plan's default").containsExactly(2);
    PlanEntry none = new PlanEntry("P", "Kế hoạch", null, null, null, List.of(), Where.NONE);
    assertThat(ii1.expected(none)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void componentsThatAreNotComponentsOrDoNotCoverTheTargetsAreReported() {
    Path f = fixture("bad-components.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":8:21: components: expected evidence component numbers 1..6 (e.g. [1, 2, 5]; [] or '-' when the item "
            + "needs a report only) but found '7'",
        f + ":8:21: components: component 2 is listed twice",
        f + ":8:21: components: expected evidence component numbers 1..6 (e.g. [1, 2, 5]; [] or '-' when the item "
            + "needs a report only) but found 'hai'",
        f + ":12:24: component: target of component 5 is not among the plan's default components [2]; add 5 to "
            + "'components' or change the target");
  }

  @Test
  void workbookCellsSayInheritWhenEmptyAndNoneWithADash() throws IOException {
    RegistryDocument doc = RegistryFile.read(sample(), Set.of());
    Path xlsx = dir.resolve("components.xlsx");
    Files.write(xlsx, RegistryXlsxWriter.write(doc));
    try (var in = Files.newInputStream(xlsx); var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      var items = book.getSheet("items");
      int col = 0;
      while (!"components".equals(items.getRow(0).getCell(col).getStringCellValue())) {
        col++;
      }
      assertThat(book.getSheet("plans").getRow(1).getCell(4).getStringCellValue()).isEqualTo("-");
      assertThat(items.getRow(2).getCell(col).getStringCellValue()).isEqualTo("1, 2, 3, 4, 5, 6");
      assertThat(items.getRow(1).getCell(col) == null || items.getRow(1).getCell(col).getStringCellValue().isEmpty())
          .as("II.1 inherits: empty cell").isTrue();
      items.getRow(1).createCell(col).setCellValue("3, 4");
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        book.write(out);
      }
    }
    PlanEntry kh110 = RegistryFile.read(xlsx, Set.of()).plans().get(0);
    assertThat(kh110.components()).isEmpty();
    assertThat(kh110.items().get(0).components()).containsExactly(3, 4);
    assertThat(kh110.items().get(2).components()).isNull();
  }

  @Test
  void fileThatIsNotUtf8NamesTheByteOffsetAndLine() {
    Path f = fixture("latin1.yaml");
    assertThat(problems(f)).containsExactly(f + ":3:12: (file): the file is not UTF-8: invalid byte 0xE1 at byte "
        + "offset 34; save it as UTF-8 (in Excel or Notepad: \"Save as\", encoding UTF-8)");
  }

  @Test
  void decomposedVietnameseIsReadAsNfc() {
    RegistryDocument doc = RegistryFile.read(fixture("nfd-names.yaml"), Set.of());
    assertThat(doc.units().get(0).name()).isEqualTo("Sở Khoa học và Công nghệ tỉnh Bắc Ninh").hasSize(38);
    assertThat(doc.plans().get(0).items().get(0).keywords()).containsExactly("chuyển đổi số");
  }

  @Test
  void emptyFilesAreReported() {
    for (String name : List.of("empty.yaml", "comments-only.yaml")) {
      Path f = fixture(name);
      assertThat(problems(f)).containsExactly(f + ":1:1: (file): the file is empty; expected units, channels and "
          + "plans (see config/examples/bac-ninh.yaml)");
    }
  }

  @Test
  void fiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
    Path big = dir.resolve("big.yaml");
    writeBigRegistry(big, 50L * 1024 * 1024);
    assertThat(problems(big)).containsExactly(big + ":1:1: (file): file is 52,428,8" + sizeTail(big)
        + " bytes, above the limit of 16,777,216 bytes (16 MiB) for a YAML registry; split it into several files "
        + "and import them one after the other");
  }

  private static String sizeTail(Path big) throws IOException {
    return String.format(java.util.Locale.ROOT, "%,d", Files.size(big)).substring("52,428,8".length());
  }

  /** A syntactically valid registry of many units, at least {@code bytes} long. */
  static void writeBigRegistry(Path file, long bytes) throws IOException {
    byte[] unit = "  - code: XA-0000001\n    name: UBND xã Tân Chi, tỉnh Bắc Ninh\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write("units:\n".getBytes(StandardCharsets.UTF_8));
      for (long written = 7; written < bytes; written += unit.length) {
        out.write(unit);
      }
    }
  }

  @Test
  void workbookProblemsNameSheetRowAndColumn() throws IOException {
    RegistryDocument doc = RegistryFile.read(fixture("url-kind.yaml").resolveSibling("nfd-names.yaml"), Set.of());
    byte[] wb = RegistryXlsxWriter.write(doc);
    Path good = dir.resolve("good.xlsx");
    Files.write(good, wb);
    assertThat(RegistryFile.read(good, Set.of()).units()).hasSize(1);
    try (var in = Files.newInputStream(good); var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      book.getSheet("items").getRow(1).getCell(3).setCellValue("SKHCN-X");
      book.getSheet("plans").getRow(0).createCell(5).setCellValue("ngày ban hành");
      Path bad = dir.resolve("bad.xlsx");
      try (OutputStream out = Files.newOutputStream(bad)) {
        book.write(out);
      }
      assertThat(problems(bad)).containsExactly(
          bad + ":plans!1:F: ngày ban hành: unknown column in sheet plans; expected code, title, issuer, issuedOn, "
              + "components",
          bad + ":items!2:D: lead: unknown unit 'SKHCN-X'; add it under units or fix the code");
    }
  }

  @Test
  void unitDeadlinesCascadeBeforeTheItemsAndRoundTripThroughYamlAndWorkbook() throws IOException {
    RegistryDocument doc = RegistryFile.read(fixture("unit-deadlines.yaml"), Set.of());
    ItemEntry iv = doc.plans().get(0).items().get(0);
    assertThat(iv.unitDeadlines().cooperating()).isEqualTo(LocalDate.of(2025, 12, 28));
    assertThat(iv.unitDeadlines().resolve(iv.cooperating())).containsExactly(
        java.util.Map.entry("SKHCN", LocalDate.of(2025, 12, 28)), java.util.Map.entry("XA-BAT-XAT", LocalDate.of(2025, 12, 26)));

    Path yaml = dir.resolve("again.yaml");
    Files.writeString(yaml, RegistryYamlWriter.write(doc), StandardCharsets.UTF_8);
    assertThat(Files.readString(yaml)).contains("unitDeadline: 28/12/2025").contains("XA-BAT-XAT: 26/12/2025");
    assertThat(RegistryFile.read(yaml, Set.of()).plans().get(0).items().get(0).unitDeadlines())
        .isEqualTo(iv.unitDeadlines());

    Path xlsx = dir.resolve("again.xlsx");
    Files.write(xlsx, RegistryXlsxWriter.write(doc));
    try (var in = Files.newInputStream(xlsx); var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      var items = book.getSheet("items");
      int col = 0;
      while (!"unitDeadlines".equals(items.getRow(0).getCell(col).getStringCellValue())) {
        col++;
      }
      assertThat(items.getRow(1).getCell(col).getStringCellValue()).isEqualTo("XA-BAT-XAT=26/12/2025");
      assertThat(items.getRow(1).getCell(col - 1).getStringCellValue()).isEqualTo("28/12/2025");
      items.getRow(1).getCell(col).setCellValue("XA-BAT-XAT=26/12/2025, SKHCN=27/12/2025");
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        book.write(out);
      }
    }
    ItemEntry fromBook = RegistryFile.read(xlsx, Set.of()).plans().get(0).items().get(0);
    assertThat(fromBook.unitDeadlines().resolve(fromBook.cooperating())).containsExactly(
        java.util.Map.entry("SKHCN", LocalDate.of(2025, 12, 27)), java.util.Map.entry("XA-BAT-XAT", LocalDate.of(2025, 12, 26)));
  }

  @Test
  void unitDeadlinesAfterTheItemsOrForUnknownUnitsAreReported() {
    Path f = fixture("bad-unit-deadlines.yaml");
    assertThat(problems(f)).containsExactly(
        f + ":12:23: unitDeadline: the item has no cooperating units for this date; list them in 'cooperating' or "
            + "give dates per unit in 'unitDeadlines'",
        f + ":12:23: unitDeadline: the units' deadline 02/01/2026 is after the item's deadline 31/12/2025; units "
            + "report to the lead unit before it reports",
        f + ":14:11: unitDeadlines: unit SVHTTDL: deadline 05/01/2026 is after the item's deadline 31/12/2025; units "
            + "report to the lead unit before it reports",
        f + ":14:11: unitDeadlines: unknown unit 'SYT'; add it under units or fix the code",
        f + ":16:18: unitDeadlines: unit SKHCN: expected a date dd/MM/yyyy such as 28/12/2025 but was '28-12-2025'");
  }
}
