package vn.minhchung.review.progress;

/**
 * An evidence item seen from one target: counted ({@code reason} null) or not, with the reason in people's words
 * ("thời lượng 12:05 ngoài khoảng 5–10 phút", "loại bài đăng, chỉ tiêu cần infographic 2D", "chưa duyệt").
 */
public record TargetEvidence(long evidenceId, String title, String reason) {

  public boolean counted() {
    return reason == null;
  }
}
