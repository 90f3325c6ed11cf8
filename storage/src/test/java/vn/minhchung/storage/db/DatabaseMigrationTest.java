package vn.minhchung.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.post.MetricSnapshot;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

class DatabaseMigrationTest {
  private static final Instant NOW = Instant.parse("2026-04-14T01:30:00Z");

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void migratesAndStoresTheDomainModel(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      Long postId = db.inTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
        s.persist(unit);
        Channel ch = new Channel("FB-TTBN", unit, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
            "https://www.facebook.com/truyenthongbacninh", NOW);
        s.persist(ch);
        Plan plan = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số", NOW);
        s.persist(plan);
        PlanItem item = new PlanItem(plan, "II.2", "Tổ chức thông tin, tuyên truyền", NOW);
        item.setLead(unit);
        item.setDeadline(LocalDate.of(2026, 11, 15));
        item.getTargets().add(new PlanTarget(item, 0, 2, "Clip phóng sự 5–10 phút", 7));
        plan.getItems().add(item);
        s.persist(item);
        Post post = new Post(ch, "123_456", "post", "https://www.facebook.com/123/posts/456",
            "https://www.facebook.com/123/posts/456", NOW);
        post.setTitle("Ngày Chuyển đổi số quốc gia 10/10 🇻🇳");
        post.setPostedAt(NOW);
        s.persist(post);
        s.persist(new MetricSnapshot(post, null, NOW, 1200L, 34L, 5L, null, null));
        return post.getId();
      });
      Post read = db.inTransaction(s -> s.find(Post.class, postId));
      assertThat(read.getTitle()).isEqualTo("Ngày Chuyển đổi số quốc gia 10/10 🇻🇳");
      assertThat(read.getPostedAt()).isEqualTo(NOW);
      String description = db.inTransaction(s -> s.createSelectionQuery(
          "select t.description from PlanTarget t", String.class).getSingleResult());
      assertThat(description).isEqualTo("Clip phóng sự 5–10 phút");
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void rejectsASecondPostWithTheSamePlatformIdOnAChannel(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("U", "Đơn vị", NOW);
        s.persist(unit);
        Channel ch = new Channel("C", unit, ChannelKind.NEWS_SITE, "Báo", "https://baobacninhtv.vn/", NOW);
        s.persist(ch);
        s.persist(new Post(ch, "a1", "article", "https://baobacninhtv.vn/a1", "https://baobacninhtv.vn/a1", NOW));
      });
      assertThatThrownBy(() -> db.runInTransaction(s -> {
        Channel ch = s.createSelectionQuery("from Channel", Channel.class).getSingleResult();
        s.persist(new Post(ch, "a1", "article", "https://baobacninhtv.vn/a1", "https://baobacninhtv.vn/a1", NOW));
      })).isInstanceOf(RuntimeException.class);
      long posts = db.inTransaction(s -> s.createSelectionQuery("select count(*) from Post", Long.class)
          .getSingleResult());
      assertThat(posts).isEqualTo(1L);
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void nullsSortLastInDescendingOrderOnEveryDatabase(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      db.runInTransaction(s -> {
        s.persist(new Plan("KHTT-CDS-2025", "Kế hoạch truyền thông về chuyển đổi số năm 2025", NOW));
        Plan dated = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số", NOW);
        dated.setIssuedOn(LocalDate.of(2026, 4, 14));
        s.persist(dated);
      });
      java.util.List<String> newestFirst = db.inTransaction(s -> s.createSelectionQuery(
          "select p.code from Plan p order by p.issuedOn desc nulls last, p.code", String.class).getResultList());
      assertThat(newestFirst).containsExactly("110/KH-UBND", "KHTT-CDS-2025");
      java.util.List<String> undatedFirst = db.inTransaction(s -> s.createSelectionQuery(
          "select p.code from Plan p order by p.issuedOn asc nulls first, p.code", String.class).getResultList());
      assertThat(undatedFirst).containsExactly("KHTT-CDS-2025", "110/KH-UBND");
    } finally {
      TestDatabases.drop(target);
    }
  }
}
