package vn.minhchung.storage.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

/** "thời lượng ngoài khoảng" holds a video only to the bounded targets of its component and kind. */
class DurationRuleTest {
  static final Instant NOW = Instant.parse("2025-11-20T03:00:00Z");

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void aThreeDClipIsNotHeldToTheReportageClipsBoundsAndAKindChangeMovesTheFlag(DatabaseTarget t) {
    try (Database db = TestDatabases.open(t)) {
      long[] ids = db.inTransaction(s -> {
        Unit unit = new Unit("SKHCN-CDS", "Phòng Chuyển đổi số, Sở Khoa học và Công nghệ", NOW);
        s.persist(unit);
        Channel ch = new Channel("FB-TTBN", unit, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
            "https://www.facebook.com/truyenthongbacninh", NOW);
        s.persist(ch);
        Plan plan = new Plan("KHTT-CDS-2025", "Kế hoạch truyền thông về chuyển đổi số tỉnh Bắc Ninh năm 2025", NOW);
        s.persist(plan);
        PlanItem item = new PlanItem(plan, "1", "Sản xuất nội dung số tuyên truyền", NOW);
        item.setLead(unit);
        PlanTarget clips = new PlanTarget(item, 0, 2, "Clip phóng sự 5–10 phút/clip", 7);
        clips.setKind("clip");
        clips.setMinDuration(Duration.ofMinutes(5));
        clips.setMaxDuration(Duration.ofMinutes(10));
        item.getTargets().add(clips);
        PlanTarget threeD = new PlanTarget(item, 1, 5, "Clip infographic 3D động", 1);
        threeD.setKind("infographic_3d");
        item.getTargets().add(threeD);
        s.persist(item);
        return new long[] {
            video(s, ch, "v-3d", 95, "infographic_3d"), video(s, ch, "v-long", 740, "clip"),
            video(s, ch, "v-ok", 452, "clip")};
      });

      db.runInTransaction(s -> {
        assertThat(flags(s, ids[0])).as("3D clip of 1:35: no bounded target of its kind").isNull();
        assertThat(flags(s, ids[1])).isEqualTo("duration_out_of_spec");
        assertThat(flags(s, ids[2])).isNull();
      });
      db.runInTransaction(s -> {
        Evidence e = s.find(Evidence.class, ids[1]);
        e.setKind("infographic_3d", "reviewer");
        assertThat(DurationRule.apply(s, e)).isTrue();
        Evidence short3d = s.find(Evidence.class, ids[0]);
        short3d.setKind("clip", "reviewer");
        assertThat(DurationRule.apply(s, short3d)).isTrue();
      });
      db.runInTransaction(s -> {
        assertThat(flags(s, ids[1])).as("now a 3D clip: not flagged").isNull();
        assertThat(flags(s, ids[0])).as("now a clip of 1:35: out of 5–10 min").isEqualTo("duration_out_of_spec");
      });
    } finally {
      TestDatabases.drop(t);
    }
  }

  private static long video(Session s, Channel ch, String id, int seconds, String kind) {
    Post p = new Post(ch, id, "video", "https://www.facebook.com/truyenthongbacninh/videos/" + id,
        "https://www.facebook.com/truyenthongbacninh/videos/" + id, NOW);
    p.setDurationSeconds(seconds);
    s.persist(p);
    Evidence e = new Evidence(2, "harvested", "Video " + id, NOW);
    e.setPost(p);
    e.setChannel(ch);
    e.setKind(kind, null);
    s.persist(e);
    DurationRule.apply(s, e);
    return e.getId();
  }

  private static String flags(Session s, long evidenceId) {
    return s.find(Evidence.class, evidenceId).getPost().getFlags();
  }
}
