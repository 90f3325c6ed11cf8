package vn.minhchung.harvester.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

/** A harvest gives each new evidence its kind by the rules and flags a video only against targets of its kind. */
class EvidenceKindHarvestTest {
  static final Instant NOW = Instant.parse("2025-11-20T03:00:00Z");
  @TempDir Path dir;

  /** A Fanpage's videos and posts as a Graph harvest gives them; a stale connector flag on the 3D clip. */
  static final class FanpageVideos implements Connector {
    @Override public Set<ChannelKind> kinds() {
      return Set.of(ChannelKind.FACEBOOK_PAGE);
    }

    @Override public void harvest(ChannelSpec channel, HarvestContext ctx) {
      ctx.accept(video("v1", "Phóng sự: Bắc Ninh tăng tốc chuyển đổi số năm 2025", 452, Set.of()));
      ctx.accept(video("v2", "Tọa đàm trực tuyến: Luật Chuyển đổi số đi vào cuộc sống", 1455, Set.of()));
      ctx.accept(video("v3", "Clip infographic 3D: Chuyển đổi số tỉnh Bắc Ninh qua những con số", 190,
          Set.of("duration_out_of_spec")));
      ctx.accept(new HarvestedPost("p4", PostKind.POST, "https://www.facebook.com/truyenthongbacninh/posts/p4", null,
          "Infographic: 10 kết quả chuyển đổi số nổi bật của tỉnh Bắc Ninh", null, null, null, null, null,
          NOW.minus(Duration.ofDays(1)), null, null, new Counts(10L, 1L, 2L, null, null), Set.of()));
    }

    private static HarvestedPost video(String id, String title, int seconds, Set<String> flags) {
      return new HarvestedPost(id, PostKind.VIDEO, "https://www.facebook.com/truyenthongbacninh/videos/" + id, null,
          title, null, title, null, null, null, NOW.minus(Duration.ofDays(2)), null, seconds,
          new Counts(10L, 1L, 2L, null, null), flags);
    }
  }

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void kindsByRuleAndTheDurationFlagOnlyForTheClipsKind(DatabaseTarget t) {
    try (Database db = TestDatabases.open(t)) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("TTUD-KHCN2", "Trung tâm Ứng dụng khoa học và công nghệ", NOW);
        s.persist(unit);
        s.persist(new Channel("FB-TTBN", unit, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
            "https://www.facebook.com/truyenthongbacninh", NOW));
        Plan plan = new Plan("KHTT-CDS-2025", "Kế hoạch truyền thông về chuyển đổi số năm 2025", NOW);
        s.persist(plan);
        PlanItem item = new PlanItem(plan, "1", "Sản xuất nội dung số tuyên truyền", NOW);
        item.setLead(unit);
        PlanTarget clips = new PlanTarget(item, 0, 2, "Clip phóng sự 5–10 phút/clip", 7);
        clips.setKind("clip");
        clips.setMinDuration(Duration.ofMinutes(5));
        clips.setMaxDuration(Duration.ofMinutes(10));
        item.getTargets().add(clips);
        s.persist(item);
      });
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      HarvestRunService service = new HarvestRunService(db, Settings.of(dir, Map.of()), clock,
          new BlobStore(dir.resolve("blobs")), List.of(new FanpageVideos()));

      service.harvest("FB-TTBN", RunOptions.manual(false));
      service.harvest("FB-TTBN", RunOptions.manual(false));

      List<Evidence> evidence = db.inTransaction(s -> s.createSelectionQuery(
          "from Evidence e join fetch e.post p order by p.platformId", Evidence.class).getResultList());
      assertThat(evidence).extracting(e -> e.getPost().getPlatformId(), Evidence::getKind, e -> e.getPost().getFlags())
          .containsExactly(
              tuple("p4", "infographic_2d", null),
              tuple("v1", "clip", null),
              tuple("v2", "clip", "duration_out_of_spec"),
              tuple("v3", "infographic_3d", null));
      assertThat(evidence).allSatisfy(e -> assertThat(e.getKindBy()).isNull());
    } finally {
      TestDatabases.drop(t);
    }
  }
}
