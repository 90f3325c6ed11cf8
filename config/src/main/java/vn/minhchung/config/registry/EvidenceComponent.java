package vn.minhchung.config.registry;

import java.util.Arrays;
import java.util.Optional;

/** The six mandatory evidence components of a report (DOMAIN.md), numbered 1..6 as in the source letter. */
public enum EvidenceComponent {
  NEWS_LINK(1, "Đường liên kết bài viết trên báo điện tử", "bài báo điện tử"),
  SOCIAL_SCREENSHOT(2, "Ảnh chụp màn hình bài đăng trên Fanpage/Zalo OA chính thống (có ngày đăng và lượt tương tác)", "bài đăng mạng xã hội"),
  PRINT_SCAN(3, "Bản scan trang báo in", "bản scan báo in"),
  BROADCAST_SCRIPT(4, "Kịch bản hoặc văn bản xác nhận lịch phát sóng của Đài", "kịch bản / xác nhận phát sóng"),
  VISUAL_DESIGN(5, "Hình ảnh, file thiết kế ấn phẩm trực quan", "ấn phẩm trực quan"),
  TRAINING(6, "Hình ảnh và danh sách đại biểu tham gia lớp tập huấn, Webinar", "ảnh và danh sách tập huấn");

  private final int number;
  private final String title;
  private final String shortName;

  EvidenceComponent(int number, String title, String shortName) {
    this.number = number;
    this.title = title;
    this.shortName = shortName;
  }

  public int number() {
    return number;
  }

  /** The full Vietnamese title, as in the letter. */
  public String title() {
    return title;
  }

  /** A short Vietnamese name for tables and messages ("chưa có bản scan báo in"). */
  public String shortName() {
    return shortName;
  }

  public static Optional<EvidenceComponent> of(int number) {
    return Arrays.stream(values()).filter(c -> c.number == number).findFirst();
  }
}
