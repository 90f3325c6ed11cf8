package vn.minhchung.review.queue;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.storage.evidence.Evidence;
import vn.minhchung.storage.post.Post;

/**
 * The folded text stored in {@code evidence.search_text}: title, post text, channel, unit, file name and note,
 * run through {@link VietnameseText#fold} so a {@code like} per query term finds "chuyển đổi số" from
 * "chuyen doi so" or "CĐS". Whoever writes evidence (harvest, upload, review) refreshes it with {@link #refresh}.
 */
public final class SearchText {
  private SearchText() {}

  public static String of(Evidence e) {
    Post p = e.getPost();
    String text = Stream.of(e.getTitle(), p == null ? null : p.getTitle(), p == null ? null : p.getLead(),
            p == null ? null : p.getBody(), e.getChannel() == null ? null : e.getChannel().getName(),
            e.getUnit() == null ? null : e.getUnit().getName(), e.getFileName(), e.getNote())
        .filter(Objects::nonNull).collect(Collectors.joining(" "));
    // Padded with spaces so a term can be matched as a whole word prefix (" term").
    return " " + VietnameseText.fold(text) + " ";
  }

  public static void refresh(Evidence e) {
    e.setSearchText(of(e));
  }
}
