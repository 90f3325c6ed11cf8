package vn.minhchung.review.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;

class EvidenceSearchTest {
  @TempDir Path tmp;

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void filtersSearchesWithoutDiacriticsAndPagesByKeyset(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      ReviewFixture f = db.inTransaction(s -> ReviewFixture.build(s, new BlobStore(tmp)));
      List<String> byQuery = titles(db, new EvidenceFilter(null, null, null, null, null, "pending", null, null, null, "chuyen doi so", null, null));
      assertThat(byQuery).containsExactly(
          "<script>alert('xss')</script> Bình luận về chuyển đổi số <b>đậm</b>",
          "Sở Tư pháp phổ biến Luật CĐS đến cán bộ, công chức và Nhân dân trên địa bàn tỉnh",
          "Luật Chuyển đổi số số 148/2025/QH15 có hiệu lực từ ngày 01/7/2026. Cùng tìm hiểu 5 điểm mới của Luật! #CĐS");
      assertThat(titles(db, query("CĐS TIÊN DU"))).containsExactly("Phóng sự: Chuyển đổi số ở xã Tiên Du");
      assertThat(titles(db, query("100% _ '"))).isEmpty();
      assertThat(titles(db, new EvidenceFilter("110/KH-UBND", f.items.get("II.3.1").getId(), null, null, null, null, null, null, null,
          null, null, null))).containsExactly(f.evidence.get("fb-ngay").getTitle());
      assertThat(titles(db, new EvidenceFilter(null, null, null, null, null, null, "suggested", null, null, null, null, null)))
          .containsExactly(f.evidence.get("fb-luat").getTitle());
      assertThat(titles(db, new EvidenceFilter(null, null, null, f.channels.get("YT-TTDN").getId(), 2, null, null,
          LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 6), null, null, null))).containsExactly("Phóng sự: Chuyển đổi số ở xã Tiên Du");

      db.runInTransaction(s -> {
        s.find(Evidence.class, f.evidence.get("clip5").getId()).getPost().setFlags("duration_out_of_spec,live");
        s.find(Evidence.class, f.evidence.get("clip1").getId()).getPost().setFlags("duration_unknown");
      });
      assertThat(titles(db, flag("duration_out_of_spec"))).containsExactly(f.evidence.get("clip5").getTitle());
      assertThat(titles(db, flag("live"))).as("a code inside the list").containsExactly(f.evidence.get("clip5").getTitle());
      assertThat(titles(db, flag("duration"))).as("no partial-word match").isEmpty();

      // By kind: a reviewer's choice or the rules' ("infographic_2d" on the II.3.1 post only).
      db.runInTransaction(s -> s.find(Evidence.class, f.evidence.get("fb-ngay").getId()).setKind("infographic_2d", "canbo"));
      assertThat(titles(db, new EvidenceFilter(null, null, null, null, null, null, null, null, null, null, null, null,
          "infographic_2d"))).containsExactly(f.evidence.get("fb-ngay").getTitle());
      assertThat(titles(db, new EvidenceFilter(null, null, null, null, null, null, null, null, null, null, null, null,
          "infographic_2d").withBefore(Long.MAX_VALUE))).as("paging keeps the kind").hasSize(1);

      EvidencePage first = db.inTransaction(s -> EvidenceSearch.find(s, EvidenceFilter.all(), 4));
      EvidencePage second = db.inTransaction(s -> EvidenceSearch.find(s, EvidenceFilter.all().withBefore(first.nextBeforeId()), 4));
      EvidencePage third = db.inTransaction(s -> EvidenceSearch.find(s, EvidenceFilter.all().withBefore(second.nextBeforeId()), 4));
      assertThat(first.items()).hasSize(4);
      assertThat(second.items()).hasSize(4);
      assertThat(third.items()).hasSize(2);
      assertThat(third.nextBeforeId()).isNull();
      assertThat(first.items().get(3).getId()).isGreaterThan(second.items().get(0).getId());
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void countsTheWholeQueueFindsTheNextItemAndReadsTheLatestCounts(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      ReviewFixture f = db.inTransaction(s -> ReviewFixture.build(s, new BlobStore(tmp)));
      EvidenceFilter ii2 = new EvidenceFilter("110/KH-UBND", f.items.get("II.2").getId(), null, null, null, null, null, null, null,
          null, null, null);
      long clip5 = f.evidence.get("clip5").getId();
      long clip4 = f.evidence.get("clip4").getId();
      // II.2: clip1..clip5, fb-luat (suggested), news-luat; the cursor of a later page does not change the count.
      assertThat(count(db, ii2)).isEqualTo(7);
      assertThat(count(db, ii2.withBefore(clip4))).isEqualTo(7);
      assertThat(next(db, ii2, clip5)).contains(clip4);
      assertThat(next(db, ii2, f.evidence.get("clip1").getId())).isEmpty();
      // A suggestion to II.2 does not make the evidence a suggestion of another item.
      EvidenceFilter suggestedII31 = new EvidenceFilter(null, f.items.get("II.3.1").getId(), null, null, null, null, "suggested",
          null, null, null, null, null);
      assertThat(count(db, suggestedII31)).isZero();

      var counts = db.inTransaction(s -> EvidenceSearch.latestCounts(s, EvidenceSearch.find(s, ii2, 50).items()));
      assertThat(counts.get(clip4).getViews()).isEqualTo(4_200L);
      assertThat(counts.get(clip4).getReactions()).isEqualTo(1_230L);
      assertThat(counts).containsKey(f.evidence.get("news-luat").getId()).hasSize(7);
    } finally {
      TestDatabases.drop(target);
    }
  }

  private static long count(Database db, EvidenceFilter f) {
    return db.inTransaction(s -> EvidenceSearch.count(s, f));
  }

  private static java.util.Optional<Long> next(Database db, EvidenceFilter f, long id) {
    return db.inTransaction(s -> EvidenceSearch.nextId(s, f, id));
  }

  private static EvidenceFilter flag(String code) {
    return new EvidenceFilter(null, null, null, null, null, null, null, null, null, null, null, code);
  }

  private static EvidenceFilter query(String q) {
    return new EvidenceFilter(null, null, null, null, null, null, null, null, null, q, null, null);
  }

  private static List<String> titles(Database db, EvidenceFilter f) {
    return db.inTransaction(s -> EvidenceSearch.find(s, f, 50).items().stream().map(Evidence::getTitle).toList());
  }
}
