package vn.minhchung.review.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.minhchung.review.testing.ReviewFixture;
import vn.minhchung.storage.blob.BlobStore;
import vn.minhchung.storage.db.Database;
import vn.minhchung.storage.db.DatabaseTarget;
import vn.minhchung.storage.db.TestDatabases;
import vn.minhchung.storage.evidence.EvidenceLink;

class AutoLinkerTest {
  @TempDir Path tmp;

  @ParameterizedTest @MethodSource("vn.minhchung.storage.db.TestDatabases#targets")
  void suggestsLinksOnceAndNeverApproves(DatabaseTarget target) {
    try (Database db = TestDatabases.open(target)) {
      ReviewFixture f = db.inTransaction(s -> ReviewFixture.build(s, new BlobStore(tmp)));
      long xss = f.evidence.get("pending-fb").getId();
      long stp = f.evidence.get("stp-luat").getId();
      List<Long> posts = db.inTransaction(s -> s.createSelectionQuery("select p.id from Post p", Long.class).getResultList());
      AutoLinker linker = new AutoLinker(0.5);
      int first = db.inTransaction(s -> linker.linkPosts(s, posts, ReviewFixture.NOW));
      int second = db.inTransaction(s -> linker.linkPosts(s, posts, ReviewFixture.NOW));

      // Only "Sở Tư pháp phổ biến Luật CĐS …" is new to the linker: II.2 via the abbreviation, STP cooperates.
      assertThat(first).isEqualTo(1);
      assertThat(second).isZero();
      List<EvidenceLink> auto = db.inTransaction(s -> s.createSelectionQuery(
          "from EvidenceLink l join fetch l.planItem join fetch l.evidence where l.createdBy = :a", EvidenceLink.class)
          .setParameter("a", AutoLinker.ACTOR).getResultList());
      assertThat(auto).hasSize(first).allSatisfy(l -> {
        assertThat(l.getMethod()).isEqualTo("auto");
        assertThat(l.getState()).isEqualTo("suggested");
        assertThat(l.getScore()).isGreaterThanOrEqualTo(0.5);
      });
      // Everything else is linked already (any state counts) or names no keyword, like the hostile post.
      assertThat(auto).noneMatch(l -> l.getEvidence().getId() == xss);
      assertThat(auto).singleElement().satisfies(l -> {
        assertThat(l.getEvidence().getId()).isEqualTo(stp);
        assertThat(l.getPlanItem().getCode()).isEqualTo("II.2");
        assertThat(l.getScore()).isEqualTo(1.0);
      });
      Long approved = db.inTransaction(s -> s.createSelectionQuery(
          "select count(e) from Evidence e where e.status = 'approved'", Long.class).getSingleResult());
      assertThat(approved).isEqualTo(6L);
    } finally {
      TestDatabases.drop(target);
    }
  }
}
