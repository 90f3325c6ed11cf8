package vn.minhchung.harvester.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.PlanTarget;
import vn.minhchung.storage.registry.Unit;

class DurationSpecsTest {
  static final Instant NOW = Instant.parse("2026-04-20T03:00:00Z");

  @Test
  void aVideoFitsWhenInsideAnyTargetAndUnknownDurationsAreNotFlagged() {
    List<DurationBounds> targets = List.of(new DurationBounds(300, 600, "5–10 phút"),
        new DurationBounds(null, 60, "clip ngắn"));
    assertThat(DurationSpec.flags(452, targets)).isEmpty();
    assertThat(DurationSpec.flags(45, targets)).isEmpty();
    assertThat(DurationSpec.flags(300, targets)).isEmpty();
    assertThat(DurationSpec.flags(601, targets)).containsExactly("duration_out_of_spec");
    assertThat(DurationSpec.flags(null, targets)).isEmpty();
    assertThat(DurationSpec.flags(5000, List.of())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void usesTargetsOfPlansWhoseLeadOrCooperatingUnitOwnsTheChannel(DatabaseTarget t) {
    try (Database db = TestDatabases.open(t)) {
      long channelId = db.inTransaction(s -> {
        Unit owner = new Unit("BN-SKHCN", "Sở Khoa học và Công nghệ", NOW);
        Unit lead = new Unit("BN-STTTT", "Sở Thông tin và Truyền thông", NOW);
        Unit other = new Unit("BN-SYT", "Sở Y tế", NOW);
        s.persist(owner);
        s.persist(lead);
        s.persist(other);
        Channel ch = new Channel("bn-yt-skhcn", owner, ChannelKind.YOUTUBE_CHANNEL, "KH&CN Bắc Ninh",
            "https://www.youtube.com/channel/UCq8vB2xY7nL0kR3sT5uW9zA", NOW);
        s.persist(ch);
        Plan plan = new Plan("001_KH", "Kế hoạch chuyển đổi số 2025", NOW);
        s.persist(plan);
        item(s, plan, "II.2", owner, null, 5, 10);
        item(s, plan, "II.3", lead, owner, 1, 3);
        item(s, plan, "II.4", other, null, 20, 30);
        return ch.getId();
      });

      db.runInTransaction(s -> {
        assertThat(DurationSpecs.boundsFor(s, channelId)).extracting(DurationBounds::minSeconds)
            .containsExactlyInAnyOrder(300, 60);
        assertThat(DurationSpecs.flagsFor(s, channelId, 452)).isEmpty();
        assertThat(DurationSpecs.flagsFor(s, channelId, 120)).isEmpty();
        assertThat(DurationSpecs.flagsFor(s, channelId, 1500)).isEqualTo(Set.of("duration_out_of_spec"));
        assertThat(DurationSpecs.flagsFor(s, channelId, null)).isEmpty();
      });
      assertThat(DurationSpecs.fromDatabase(db).forChannel(channelId)).hasSize(2);
    } finally {
      TestDatabases.drop(t);
    }
  }

  private static void item(org.hibernate.Session s, Plan plan, String code, Unit lead, Unit cooperating, int minMinutes,
      int maxMinutes) {
    PlanItem item = new PlanItem(plan, code, "Sản xuất phóng sự " + code, NOW);
    item.setLead(lead);
    if (cooperating != null) {
      item.getCooperating().add(cooperating);
    }
    PlanTarget target = new PlanTarget(item, 1, 2, "Phóng sự " + minMinutes + "–" + maxMinutes + " phút", 7);
    target.setMinDuration(Duration.ofMinutes(minMinutes));
    target.setMaxDuration(Duration.ofMinutes(maxMinutes));
    item.getTargets().add(target);
    s.persist(item);
  }
}
