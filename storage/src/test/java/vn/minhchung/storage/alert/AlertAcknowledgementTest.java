package vn.minhchung.storage.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An acknowledgement lasts while the condition holds as it was, and is cleared when it re-opens or worsens. */
class AlertAcknowledgementTest {
  static final Instant T0 = Instant.parse("2026-11-03T03:00:00Z");

  private static Alert acknowledged() {
    Alert a = new Alert("deadline_evidence:1", Alert.Kind.DEADLINE_EVIDENCE, null, null, "Nhiệm vụ II.2 sắp đến hạn",
        "Còn 5 ngày", T0);
    a.setNoticeStage("before");
    a.acknowledge("canbo", "Đang gom minh chứng của Sở Tư pháp", T0.plusSeconds(60));
    return a;
  }

  @Test
  void sameStageKeepsTheAcknowledgement() {
    Alert a = acknowledged();
    a.seen("Nhiệm vụ II.2 sắp đến hạn", "Còn 4 ngày", "before", T0.plusSeconds(86_400));
    assertThat(a.isAcknowledged()).isTrue();
    assertThat(a.getAcknowledgedBy()).isEqualTo("canbo");
    assertThat(a.getAckNote()).isEqualTo("Đang gom minh chứng của Sở Tư pháp");
  }

  @Test
  void worseStageClearsTheAcknowledgement() {
    Alert a = acknowledged();
    a.seen("Nhiệm vụ II.2 quá hạn 1 ngày", "Quá hạn", "overdue-1", T0.plusSeconds(6 * 86_400));
    assertThat(a.isAcknowledged()).isFalse();
    assertThat(a.getAcknowledgedBy()).isNull();
  }

  @Test
  void reopeningClearsTheAcknowledgement() {
    Alert a = acknowledged();
    a.resolve(T0.plusSeconds(3600));
    a.seen("Nhiệm vụ II.2 sắp đến hạn", "Còn 3 ngày", T0.plusSeconds(2 * 86_400));
    assertThat(a.isOpen()).isTrue();
    assertThat(a.isAcknowledged()).isFalse();
  }
}
