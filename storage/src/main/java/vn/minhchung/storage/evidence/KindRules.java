package vn.minhchung.storage.evidence;

import java.util.regex.Pattern;
import vn.minhchung.config.registry.EvidenceKind;
import vn.minhchung.config.text.VietnameseText;

/**
 * The kind the rules give a harvested post (a reviewer may change it): a page-watch day is {@code banner_day};
 * an article {@code article}; a video {@code infographic_3d} when its text names a 3D infographic or 3D
 * animation, else {@code clip}; any other post {@code infographic_2d} when its text names an infographic
 * ("infographic", "đồ họa thông tin"), else {@code post}. Pure: the text is matched folded (no diacritics).
 */
public final class KindRules {
  private static final Pattern INFOGRAPHIC = Pattern.compile("\\b(infographics?|do hoa thong tin)\\b");
  private static final Pattern THREE_D = Pattern.compile("\\b(3d|3 d|ba chieu)\\b");
  private static final Pattern ANIMATION = Pattern.compile("\\b(hoat hinh|do hoa|infographics?|motion graphics?)\\b");

  private KindRules() {}

  /**
   * The kind of a post.
   *
   * @param postKind the stored {@code post.kind}: {@code video}, {@code article}, {@code page_watch} or {@code post}
   * @param text the post's title and text, as harvested (may be null)
   */
  public static EvidenceKind of(String postKind, String text) {
    String folded = " " + VietnameseText.foldPlain(text) + " ";
    return switch (postKind == null ? "post" : postKind) {
      case "page_watch" -> EvidenceKind.BANNER_DAY;
      case "article" -> EvidenceKind.ARTICLE;
      case "video" -> THREE_D.matcher(folded).find() && ANIMATION.matcher(folded).find()
          ? EvidenceKind.INFOGRAPHIC_3D : EvidenceKind.CLIP;
      default -> INFOGRAPHIC.matcher(folded).find() ? EvidenceKind.INFOGRAPHIC_2D : EvidenceKind.POST;
    };
  }
}
