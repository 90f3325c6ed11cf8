package vn.minhchung.harvester.connector;

import java.util.Locale;

/** What a harvested item is; stored in {@code post.kind}. */
public enum PostKind {
  ARTICLE, POST, VIDEO, PAGE_WATCH;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
