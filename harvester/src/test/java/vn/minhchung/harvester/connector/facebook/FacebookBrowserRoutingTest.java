package vn.minhchung.harvester.connector.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.config.text.VietnameseCounts;
import vn.minhchung.harvester.account.ChannelAccess;
import vn.minhchung.harvester.capture.browser.BrowserUnavailableException;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.RecordingContext;
import vn.minhchung.harvester.http.HttpFetcher;
import vn.minhchung.harvester.http.Sleeper;

/**
 * Which way a Fanpage is read ({@code via}), without a browser: the reader is reached (its browser supplier is
 * asked) or not, and its settings are checked before any page is opened.
 */
class FacebookBrowserRoutingTest {
  static final Instant NOW = Instant.parse("2026-04-20T03:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path dir;
  final AtomicInteger browserAsked = new AtomicInteger();

  FacebookConnector connector(ChannelAccess access) {
    HttpFetcher http = new HttpFetcher(Settings.of(dir, Map.of()), Sleeper.REAL, CLOCK);
    FacebookPageReader pages = new FacebookPageReader(() -> {
      browserAsked.incrementAndGet();
      throw new BrowserUnavailableException("no Chromium in this test");
    });
    return new FacebookConnector(http, new FacebookThrottle(d -> { }, CLOCK, Duration.ofSeconds(1)), access,
        Optional.of(pages));
  }

  static ChannelSpec channel(String via) {
    return new ChannelSpec(7, "FB-XTH", "UBND-XP", ChannelKind.FACEBOOK_PAGE, "Xã Tân Hồng",
        "https://www.facebook.com/xatanhong", Optional.empty(), via == null ? Map.of() : Map.of("via", via));
  }

  RecordingContext ctx(Map<String, String> settings) {
    return new RecordingContext(CLOCK, Settings.of(dir, settings), NOW.minus(Duration.ofDays(30)), List.of());
  }

  /** An account that may not be used: rejected by the platform earlier (AUTH, as DatabaseChannelAccess says). */
  static ChannelAccess rejected() {
    return new ChannelAccess() {
      @Override
      public Optional<Access> forChannel(ChannelSpec channel) throws ConnectorException {
        throw new ConnectorException(ConnectorException.Kind.AUTH, channel.code() + ": tài khoản 'xatanhong' đã bị "
            + "từ chối; kết nối lại");
      }

      @Override
      public void succeeded(Access access) { }

      @Override
      public void used(Access access) { }

      @Override
      public void rejected(Access access, boolean revoked, String message) { }
    };
  }

  static ChannelAccess none() {
    return new ChannelAccess() {
      @Override
      public Optional<Access> forChannel(ChannelSpec channel) {
        return Optional.empty();
      }

      @Override
      public void succeeded(Access access) { }

      @Override
      public void used(Access access) { }

      @Override
      public void rejected(Access access, boolean revoked, String message) { }
    };
  }

  @Test
  void autoFallsBackToThePublicPageWithoutAUsableAccount() {
    for (ChannelAccess access : List.of(none(), rejected())) {
      assertThatThrownBy(() -> connector(access).harvest(channel(null), ctx(Map.of())))
          .isInstanceOf(ConnectorException.class).hasMessageContaining("không chạy được Chromium");
    }
    assertThat(browserAsked).hasValue(2);
  }

  @Test
  void apiNeverOpensTheBrowserAndARejectedAccountStaysTheFailure() {
    assertThatThrownBy(() -> connector(rejected()).harvest(channel("api"), ctx(Map.of())))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("đã bị từ chối");
    assertThatThrownBy(() -> connector(none()).harvest(channel("api"), ctx(Map.of())))
        .hasMessageContaining(FacebookConnector.NOT_CONNECTED);
    assertThat(browserAsked).hasValue(0);
  }

  @Test
  void browserIgnoresEvenAUsableAccount() {
    ChannelAccess linked = vn.minhchung.harvester.connector.FakeAccess.linked("facebook", "xatanhong", "EAAGtoken");
    assertThatThrownBy(() -> connector(linked).harvest(channel("browser"), ctx(Map.of())))
        .hasMessageContaining("không chạy được Chromium");
    assertThat(browserAsked).hasValue(1);
  }

  @Test
  void settingsOutsideTheirRangeFailTheRunAsConfigNamingTheSettingBeforeAnyPageOpens() {
    assertThatThrownBy(() -> connector(none()).harvest(channel("browser"),
        ctx(Map.of("platforms.facebook.browserBudgetSeconds", "241"))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("platforms.facebook.browserBudgetSeconds phải từ 1"
            + " đến 240 giây");
    assertThatThrownBy(() -> connector(none()).harvest(channel("browser"),
        ctx(Map.of("platforms.facebook.browserMaxPosts", "0"))))
        .hasMessageContaining("platforms.facebook.browserMaxPosts phải từ 1");
    assertThat(browserAsked).hasValue(0);
  }

  @Test
  void addressesOnFacebookMoveOntoThePageOriginAndCountsKeepTheirPrecision() {
    URI local = URI.create("http://127.0.0.1:8091");
    assertThat(FacebookPageReader.onBase(URI.create("https://www.facebook.com/xatanhong/posts/pfbid0Ab%2Cc?x=1"), local))
        .hasToString("http://127.0.0.1:8091/xatanhong/posts/pfbid0Ab%2Cc?x=1");
    assertThat(FacebookPageReader.onBase(URI.create("https://m.facebook.com/story.php?story_fbid=9"), local))
        .hasToString("http://127.0.0.1:8091/story.php?story_fbid=9");
    assertThat(FacebookPageReader.onBase(URI.create("https://bacninh.gov.vn/tin"), local))
        .hasToString("https://bacninh.gov.vn/tin");
    Counts c = FacebookPageReader.counts(Map.of("reactions", new VietnameseCounts.Range(1200, 1299),
        "comments", new VietnameseCounts.Range(86, 86)));
    assertThat(c.reactions()).isEqualTo(1200L);
    assertThat(c.comments()).isEqualTo(86L);
    assertThat(c.upper()).isEqualTo(Map.of("reactions", 1299L));
  }
}
