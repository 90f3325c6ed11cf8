package vn.minhchung.harvester.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.evidence.EvidenceLink;
import vn.minhchung.storage.post.Post;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Plan;
import vn.minhchung.storage.registry.PlanItem;
import vn.minhchung.storage.registry.Unit;

/** {@code evidence list} with the filters and the JSON fields ARCHITECTURE.md fixes. */
class EvidenceCommandTest {
  private static final Instant NOW = Instant.parse("2026-11-10T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final List<Long> ids = new ArrayList<>();

  @BeforeEach
  void registryAndEvidence() {
    try (Database db = Database.open(DatabaseTarget.embedded(dir.resolve("db")))) {
      db.runInTransaction(s -> {
        Unit unit = new Unit("SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", NOW);
        s.persist(unit);
        Channel fb = new Channel("FB-TTBN", unit, ChannelKind.FACEBOOK_PAGE, "Truyền thông tỉnh Bắc Ninh",
            "https://www.facebook.com/truyenthongbacninh", NOW);
        s.persist(fb);
        Plan plan = new Plan("110/KH-UBND", "Triển khai, thi hành Luật Chuyển đổi số trên địa bàn tỉnh Bắc Ninh", NOW);
        s.persist(plan);
        Plan other = new Plan("KHTT-CDS-2025", "Kế hoạch truyền thông chuyển đổi số năm 2025", NOW);
        s.persist(other);
        PlanItem i1 = item(s, plan, 1, "II.1", "Quán triệt, phổ biến Luật Chuyển đổi số");
        PlanItem i2 = item(s, plan, 2, "II.2", "Tổ chức thông tin, tuyên truyền, phổ biến về nội dung của Luật");
        PlanItem o1 = item(s, other, 1, "II.2", "Sản xuất clip phóng sự về chuyển đổi số");

        Post post = new Post(fb, "pfbid0luat", "post", "https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat",
            "https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat", NOW);
        post.setPostedAt(Instant.parse("2026-07-02T01:30:00Z"));
        post.setFlags("future_date,duration_out_of_spec");
        s.persist(post);
        Capture cap = new Capture(post.getUrl(), Instant.parse("2026-07-02T21:30:00Z"), "ok");
        cap.setPost(post);
        s.persist(cap);
        Evidence harvested = new Evidence(2, "harvested", "Luật Chuyển đổi số số 148/2025/QH15 có hiệu lực từ 01/7/2026", NOW);
        harvested.setPost(post);
        harvested.setCapture(cap);
        harvested.setChannel(fb);
        harvested.setUrl(post.getUrl());
        harvested.setStatus("approved");
        s.persist(harvested);
        s.persist(new EvidenceLink(harvested, i2, "auto", "confirmed", 0.82, "auto", NOW));
        s.persist(new EvidenceLink(harvested, o1, "auto", "suggested", 0.6149999999999999, "auto", NOW));
        s.persist(new EvidenceLink(harvested, i1, "auto", "rejected", 0.55, "auto", NOW));

        Evidence upload = new Evidence(6, "uploaded", "Báo cáo kết quả quán triệt Luật Chuyển đổi số", NOW);
        upload.setOccurredAt(Instant.parse("2026-06-29T17:00:00Z"));
        s.persist(upload);
        s.persist(new EvidenceLink(upload, i1, "manual", "confirmed", null, "canbo", NOW));

        Evidence lone = new Evidence(2, "harvested", "Bài chưa liên kết", NOW);
        lone.setChannel(fb);
        s.persist(lone);
        s.flush();
        ids.addAll(List.of(harvested.getId(), upload.getId(), lone.getId()));
      });
    }
  }

  private static PlanItem item(org.hibernate.Session s, Plan plan, int pos, String code, String title) {
    PlanItem i = new PlanItem(plan, code, title, NOW);
    i.setPosition(pos);
    s.persist(i);
    return i;
  }

  private JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("evidence", "list", "--json"));
    all.addAll(List.of(args));
    CliRun r = CliRun.run(dir, Map.of(), CLOCK, all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static List<Long> idsOf(JsonNode rows) {
    List<Long> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.path("id").asLong()));
    return out;
  }

  @Test
  void jsonHasTheFieldsOfTheArchitectureInOrder() throws Exception {
    JsonNode all = json();
    assertThat(idsOf(all)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    JsonNode h = all.get(2);
    List<String> fields = new ArrayList<>();
    h.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "component", "kind", "status", "source", "channel", "url", "title",
        "postedAt", "capturedAt", "flags", "links");
    assertThat(h.path("component").asInt()).isEqualTo(2);
    assertThat(h.path("kind").asText()).isEqualTo("post");
    assertThat(h.path("status").asText()).isEqualTo("approved");
    assertThat(h.path("source").asText()).isEqualTo("harvested");
    assertThat(h.path("channel").asText()).isEqualTo("FB-TTBN");
    assertThat(h.path("postedAt").asText()).isEqualTo("2026-07-02T08:30:00+07:00");
    assertThat(h.path("capturedAt").asText()).isEqualTo("2026-07-03T04:30:00+07:00");
    assertThat(h.path("flags").toString()).isEqualTo("[\"future_date\",\"duration_out_of_spec\"]");
    assertThat(h.path("links").toString()).isEqualTo("[{\"plan\":\"110/KH-UBND\",\"item\":\"II.2\",\"how\":\"auto\","
        + "\"score\":0.82,\"confirmed\":true},{\"plan\":\"KHTT-CDS-2025\",\"item\":\"II.2\",\"how\":\"auto\","
        + "\"score\":0.615,\"confirmed\":false}]");

    JsonNode u = all.get(1);
    assertThat(u.path("kind").asText()).isEqualTo("file");
    assertThat(u.path("source").asText()).isEqualTo("uploaded");
    assertThat(u.path("channel").isNull()).isTrue();
    assertThat(u.path("postedAt").asText()).isEqualTo("2026-06-30T00:00:00+07:00");
    assertThat(u.path("capturedAt").isNull()).isTrue();
    assertThat(u.path("flags").toString()).isEqualTo("[]");
    assertThat(u.path("links").toString()).isEqualTo(
        "[{\"plan\":\"110/KH-UBND\",\"item\":\"II.1\",\"how\":\"manual\",\"score\":null,\"confirmed\":true}]");
  }

  @Test
  void filtersByPlanItemAndStatus() throws Exception {
    assertThat(idsOf(json("--plan", "110/KH-UBND"))).containsExactly(ids.get(1), ids.get(0));
    assertThat(idsOf(json("--plan", "110/KH-UBND", "--item", "II.1"))).as("a dismissed link does not count")
        .containsExactly(ids.get(1));
    assertThat(idsOf(json("--item", "II.2"))).as("II.2 of either plan").containsExactly(ids.get(0));
    assertThat(idsOf(json("--plan", "KHTT-CDS-2025", "--item", "II.2"))).as("a suggestion counts")
        .containsExactly(ids.get(0));
    assertThat(idsOf(json("--status", "pending"))).containsExactly(ids.get(2), ids.get(1));
    assertThat(idsOf(json("--plan", "110/KH-UBND", "--status", "approved"))).containsExactly(ids.get(0));
  }

  @Test
  void textListsOneLinePerEvidenceInVietnamese() {
    CliRun r = CliRun.run(dir, Map.of(), CLOCK, "evidence", "list", "--plan", "110/KH-UBND");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "#" + ids.get(1) + "  Chờ duyệt  TP6  30/06/2026 00:00  tải lên  Báo cáo kết quả quán triệt Luật Chuyển đổi số"
            + "  → 110/KH-UBND II.1",
        "#" + ids.get(0) + "  Đã duyệt  TP2  02/07/2026 08:30  FB-TTBN  Luật Chuyển đổi số số 148/2025/QH15 có hiệu lực"
            + " từ 01/7/2026  https://www.facebook.com/truyenthongbacninh/posts/pfbid0luat  → 110/KH-UBND II.2,"
            + " KHTT-CDS-2025 II.2 (đề xuất)",
        "2 minh chứng");
  }

  @Test
  void unknownPlanItemOrStatusIsBadInput() {
    CliRun plan = CliRun.run(dir, Map.of(), CLOCK, "evidence", "list", "--plan", "999/KH-UBND");
    assertThat(plan.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(plan.err()).contains("--plan '999/KH-UBND': kế hoạch không có trong danh mục");
    CliRun item = CliRun.run(dir, Map.of(), CLOCK, "evidence", "list", "--plan", "KHTT-CDS-2025", "--item", "II.1");
    assertThat(item.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(item.err()).contains("--item 'II.1': nhiệm vụ không có trong kế hoạch KHTT-CDS-2025");
    CliRun status = CliRun.run(dir, Map.of(), CLOCK, "evidence", "list", "--status", "duyet");
    assertThat(status.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(status.err()).contains("--status 'duyet' không hợp lệ: dùng pending (chờ duyệt), approved (đã duyệt)"
        + " hoặc rejected (từ chối)");
  }
}
