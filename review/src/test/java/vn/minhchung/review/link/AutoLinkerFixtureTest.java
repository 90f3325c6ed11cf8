package vn.minhchung.review.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Auto-linking against 60 realistic post texts (fixtures/link/posts-2026-11-03.tsv) with the items they should suggest. */
class AutoLinkerFixtureTest {
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
  private static final LocalDate ISSUED = LocalDate.of(2026, 4, 14);

  static final List<ItemProfile> ITEMS = List.of(
      ItemProfile.of(1, "II.1", List.of("quán triệt", "hội nghị phổ biến", "tập huấn"), Set.of("SKHCN", "STP"),
          ISSUED, LocalDate.of(2026, 6, 30)),
      ItemProfile.of(2, "II.2", List.of("luật chuyển đổi số", "Luật CĐS", "148/2025/QH15"), Set.of("SKHCN", "STP", "SVHTTDL"),
          ISSUED, LocalDate.of(2026, 11, 15)),
      ItemProfile.of(3, "II.3.1", List.of("Ngày Chuyển đổi số quốc gia", "10/10"), Set.of("SVHTTDL"),
          ISSUED, LocalDate.of(2026, 10, 10)),
      ItemProfile.of(4, "II.4", List.of("bình dân học vụ số", "kỹ năng số"), Set.of("SKHCN"),
          ISSUED, LocalDate.of(2026, 12, 31)));

  static Stream<Arguments> posts() throws IOException {
    try (InputStream in = AutoLinkerFixtureTest.class.getResourceAsStream("/fixtures/link/posts-2026-11-03.tsv")) {
      String tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", 4)).map(c -> Arguments.of(
          c[0], LocalDate.parse(c[1], DMY), c[2].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(c[2].split(","))), c[3]))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("posts")
  void suggestsExactlyTheExpectedItems(String unit, LocalDate date, Set<String> expected, String text) {
    String normalized = LinkScorer.normalize(text);
    Set<String> suggested = ITEMS.stream().filter(i -> LinkScorer.score(i, normalized, unit, date) >= 0.5)
        .map(ItemProfile::itemCode).collect(Collectors.toCollection(TreeSet::new));
    assertThat(suggested).isEqualTo(expected);
  }

  @Test
  void fixtureHasAtLeastFiftyPostsWithBothMatchesAndNonMatches() throws IOException {
    List<Arguments> all = posts().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(50);
    assertThat(all.stream().filter(a -> ((Set<?>) a.get()[2]).isEmpty()).count()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void keywordOutsideTheWindowIsNotEnoughEvenFromTheLeadUnit() {
    ItemProfile ii2 = ITEMS.get(1);
    String text = LinkScorer.normalize("Tổng kết tuyên truyền Luật Chuyển đổi số");
    assertThat(LinkScorer.score(ii2, text, "SKHCN", LocalDate.of(2026, 11, 10))).isEqualTo(1.0);
    assertThat(LinkScorer.score(ii2, text, "SKHCN", LocalDate.of(2026, 12, 20))).isEqualTo(0.425);
  }

  @Test
  void abbreviationsAreExpandedInPlaceSoPhrasesMatch() {
    assertThat(LinkScorer.normalize("Phổ biến Luật CĐS")).isEqualTo("pho bien luat chuyen doi so");
  }
}
