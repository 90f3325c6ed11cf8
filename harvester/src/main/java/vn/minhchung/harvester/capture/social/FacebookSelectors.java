package vn.minhchung.harvester.capture.social;

import java.util.List;

/**
 * Every Facebook selector and UI string the capture and the page reader rely on, in one place: Facebook
 * changes its markup often, and the fixtures under {@code fixtures/capture/} pin each of these.
 */
public final class FacebookSelectors {
  private FacebookSelectors() {}

  /** A post in a feed; nested {@code [role=article]} inside it are comments. */
  public static final String POST = "[aria-posinset], [role=article]";
  /** The permalink of a post: its text is the date as shown ("Hôm qua lúc 10:30"). */
  public static final String PERMALINK = "a[href*='/posts/'], a[href*='/videos/'], a[href*='/reel/'], "
      + "a[href*='story_fbid='], a[href*='/permalink/'], a[href*='/photos/']";
  /** Inside the permalink: the exact time where the page gives it (older layouts, m.facebook.com). */
  public static final String UTIME = "abbr[data-utime], [data-utime]";
  public static final String DATE_TITLE = "abbr[title]";
  /** A top-level post of a timeline (feed position); used to count what scrolling loaded. */
  public static final String FEED_POST = "[aria-posinset]";
  public static final String MESSAGE = "[data-ad-preview=message], [data-ad-comet-preview=message]";
  /** "Tất cả cảm xúc:" label precedes the reactions total. */
  public static final String REACTIONS_LABEL_PREFIX = "Tất cả cảm xúc";
  public static final String COMMENTS_WORD = "bình luận";
  public static final String SHARES_WORD = "lượt chia sẻ";
  public static final String VIEWS_WORD = "lượt xem";
  /** A video's player: its duration is shown as "7:32" or "0:00 / 7:32" (elapsed / length) in a text of its own. */
  public static final String VIDEO_PLAYER = "video, [aria-label~=(?i)video]";
  public static final String VIDEO_TIME = "^(?:\\d{1,2}:\\d{2}(?::\\d{2})?\\s*/\\s*)?(\\d{1,2}:\\d{2}(?::\\d{2})?)$";

  /** The logged-out pop-up; still visible after the close attempt means a wall. */
  public static final String LOGIN_POPUP = "#login_popup_cta_form, [aria-label*='Login form' i]";
  public static final List<String> LOGIN_POPUP_CLOSE = List.of("[role=dialog] [aria-label='Close']",
      "[role=dialog] [aria-label='Đóng']");
  /** Present only for a logged-in session (as Browsertrix checks). */
  public static final String ACCOUNT_CONTROLS = "div[aria-label*='Account Controls' i], "
      + "div[aria-label*='Điều khiển tài khoản' i]";
  /** A blocked or logged-out client is silently sent here. */
  public static final String LOGIN_PATH = "/login";
  /** A client Facebook distrusts is sent here to prove who it is (a wall, like the login page). */
  public static final String CHECKPOINT_PATH = "/checkpoint";
}
