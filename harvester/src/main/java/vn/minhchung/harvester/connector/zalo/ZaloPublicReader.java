package vn.minhchung.harvester.connector.zalo;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.harvester.capture.CaptureService;
import vn.minhchung.harvester.capture.browser.RenderedPage;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.ConnectorException.Kind;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;

/**
 * Reads a Zalo OA without an account: its public profile page ({@code {platforms.zalo.pageBaseUrl}/<oaId>}) in the
 * browser gives the name, the verified mark and the follower count (a channel snapshot), and the articles it links
 * to become posts without date or counts, captured like other posts. The run records that the OA must be connected
 * for views and dates: public pages show neither (PLATFORMS.md).
 */
public final class ZaloPublicReader {
  /** The run's message for staff; also the reason code {@link #NOT_CONNECTED_CODE}. */
  public static final String NOT_CONNECTED = "cần kết nối tài khoản Zalo OA để có lượt xem và ngày đăng";
  public static final String NOT_CONNECTED_CODE = "zalo_not_connected";
  /** At most this many linked articles per run: the profile lists the latest few. */
  static final int MAX_ARTICLES = 30;

  private final Supplier<CaptureService> browser;

  public ZaloPublicReader(Supplier<CaptureService> browser) {
    this.browser = browser;
  }

  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    URI page = profileUrl(channel, ctx.settings());
    RenderedPage r = browser.get().render(page, Optional.of(channel.code()), false);
    if (r.verdict().isPresent()) {
      throw new ConnectorException(Kind.TRANSIENT, channel.code() + ": không đọc được trang công khai của OA " + page
          + " (" + r.verdict().get().status().label() + ": " + r.verdict().get().detail() + "); " + NOT_CONNECTED);
    }
    ZaloProfilePage.Profile p = ZaloProfilePage.parse(r.html(), URI.create(r.finalUrl()));
    ctx.channelSnapshot(new HarvestContext.ChannelFacts("public_page", p.name(), p.verified(), p.followers(),
        p.followersText()));
    int n = 0;
    for (ZaloProfilePage.ArticleLink a : p.articles()) {
      if (n++ >= MAX_ARTICLES) {
        break;
      }
      ctx.accept(new HarvestedPost(a.id(), PostKind.POST, a.url().toString(), a.url().toString(), a.title(), null,
          null, null, null, null, null, null, null, Counts.NONE, Set.of("no_date", "public_page")));
    }
    ctx.problem(page.toString(), NOT_CONNECTED_CODE, "Đọc trang công khai của OA '" + Optional.ofNullable(p.name())
        .orElse(channel.name()) + "' (" + (p.followersText() == null ? "không thấy số người quan tâm"
        : p.followersText()) + ", " + Math.min(n, MAX_ARTICLES) + " bài được liên kết, chụp ảnh không có số liệu): "
        + NOT_CONNECTED + " (trang Tài khoản kết nối)");
  }

  /** {@code {pageBaseUrl}/<oaId>}: the channel's platform id, else the last segment of its registered URL. */
  static URI profileUrl(ChannelSpec channel, Settings s) throws ConnectorException {
    String id = channel.platformId().orElseGet(() -> {
      String path = Optional.ofNullable(URI.create(channel.url()).getPath()).orElse("").replaceAll("/+$", "");
      return path.substring(path.lastIndexOf('/') + 1);
    });
    if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
      throw new ConnectorException(Kind.CONFIG, channel.code() + ": không biết mã OA (platform_id) để mở trang công"
          + " khai; thêm platform_id hoặc địa chỉ zalo.me/<mã OA> cho kênh");
    }
    String base = s.uri("platforms.zalo.pageBaseUrl").orElseThrow().toString().replaceAll("/+$", "");
    return URI.create(base + "/" + id);
  }
}
