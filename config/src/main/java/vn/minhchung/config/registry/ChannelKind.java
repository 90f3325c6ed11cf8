package vn.minhchung.config.registry;

import java.util.Arrays;
import java.util.Optional;

/** The five kinds of official channel; {@link #code()} is the value used in the registry file and the database. */
public enum ChannelKind {
  FACEBOOK_PAGE("facebook_page", "Fanpage Facebook"),
  ZALO_OA("zalo_oa", "Zalo OA"),
  YOUTUBE_CHANNEL("youtube_channel", "Kênh YouTube"),
  NEWS_SITE("news_site", "Báo điện tử"),
  WEB_PAGE("web_page", "Trang thông tin điện tử");

  private final String code;
  private final String label;

  ChannelKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** Vietnamese label shown to staff. */
  public String label() {
    return label;
  }

  public static Optional<ChannelKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  public static String allCodes() {
    return String.join(" | ", Arrays.stream(values()).map(ChannelKind::code).toList());
  }
}
