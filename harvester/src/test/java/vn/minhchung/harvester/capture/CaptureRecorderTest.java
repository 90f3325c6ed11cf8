package vn.minhchung.harvester.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.storage.blob.BlobRecord;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.Capture;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.registry.Channel;
import vn.minhchung.storage.registry.Unit;

/** The capture row, its blobs and the evidence link, on H2 and (when configured) PostgreSQL. */
class CaptureRecorderTest {
  static final Instant AT = Instant.parse("2026-11-20T03:15:42Z");
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void okCaptureIsRecordedWithHashesAndLinkedToItsEvidence(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      long evidence = seed(db);
      BlobStore blobs = new BlobStore(dir.resolve("blobs"));
      List<CaptureResult.StoredFile> files = List.of(
          new CaptureResult.StoredFile("screenshot.png", blobs.put(new byte[] {1, 2}, "image/png")),
          new CaptureResult.StoredFile("capture.json", blobs.put("{}".getBytes(StandardCharsets.UTF_8),
              "application/json")));
      CaptureRequest req = CaptureRequest.of(URI.create("https://www.facebook.com/ubnd/posts/pfbid0Q"))
          .withChannel("HB-FB").linkedTo(null, null, evidence);
      ShownFacts facts = ShownFacts.of("Hôm qua lúc 10:30", Map.of("reactions", "1,2K"));
      CaptureRecorder recorder = new CaptureRecorder(db);

      long wall = recorder.record(new CaptureRecorder.Row(req, req.url().toString(), AT, CaptureStatus.LOGIN_WALL,
          "cần đăng nhập", ShownFacts.NONE, "{}", "156.0", "0.1.0", "1280x900", List.of()));
      db.runInTransaction(s -> assertThat(s.find(Evidence.class, evidence).getCapture()).isNull());

      long id = recorder.record(new CaptureRecorder.Row(req, req.url().toString(), AT, CaptureStatus.OK, null,
          facts, CaptureManifest.countsJson(facts), "156.0", "0.1.0", "1280x900", files));

      assertThat(id).isNotEqualTo(wall);
      db.runInTransaction(s -> {
        Capture c = s.find(Capture.class, id);
        assertThat(c.getStatus()).isEqualTo("ok");
        assertThat(c.getScreenshotSha()).isEqualTo(files.get(0).blob().sha256());
        assertThat(c.getJsonSha()).isEqualTo(files.get(1).blob().sha256());
        assertThat(c.getPostedAtText()).isEqualTo("Hôm qua lúc 10:30");
        assertThat(c.getCountsJson()).isEqualTo("{\"reactions\":\"1,2K\"}");
        assertThat(s.find(BlobRecord.class, files.get(0).blob().sha256()).getMediaType()).isEqualTo("image/png");
        assertThat(s.find(Evidence.class, evidence).getCapture().getId()).isEqualTo(id);
        assertThat(s.find(Capture.class, wall).getStatusDetail()).isEqualTo("cần đăng nhập");
      });
    } finally {
      TestDatabases.drop(target);
    }
  }

  @ParameterizedTest
  @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void unknownChannelIsNamedAndNothingIsWritten(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      CaptureRequest req = CaptureRequest.of(URI.create("https://a.gov.vn/")).withChannel("KHONG-CO");
      assertThatThrownBy(() -> new CaptureRecorder(db).record(new CaptureRecorder.Row(req, "https://a.gov.vn/", AT,
          CaptureStatus.OK, null, ShownFacts.NONE, "{}", "v", "v", "1280x900", List.of())))
          .hasMessageContaining("unknown channel code 'KHONG-CO'");
      db.runInTransaction(s -> assertThat(s.createQuery("select count(c) from Capture c", Long.class)
          .getSingleResult()).isZero());
    } finally {
      TestDatabases.drop(target);
    }
  }

  static long seed(Database db) {
    return db.inTransaction(s -> {
      Unit u = new Unit("HB-UBND", "UBND tỉnh Hòa Bình", AT);
      s.persist(u);
      s.persist(new Channel("HB-FB", u, ChannelKind.FACEBOOK_PAGE, "Fanpage UBND tỉnh Hòa Bình",
          "https://www.facebook.com/ubndtinhhoabinh", AT));
      Evidence e = new Evidence(2, "harvested", "Hội nghị triển khai Đề án 06", AT);
      s.persist(e);
      s.flush();
      return e.getId();
    });
  }
}
