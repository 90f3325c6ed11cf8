package vn.minhchung.harvester.connector.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.text.VietnameseDates;
import vn.minhchung.config.text.VietnameseText;
import vn.minhchung.harvester.connector.ChannelSpec;
import vn.minhchung.harvester.connector.Connector;
import vn.minhchung.harvester.connector.ConnectorException;
import vn.minhchung.harvester.connector.Counts;
import vn.minhchung.harvester.connector.HarvestContext;
import vn.minhchung.harvester.connector.HarvestedPost;
import vn.minhchung.harvester.connector.PostKind;
import vn.minhchung.harvester.http.Page;
import vn.minhchung.harvester.http.PoliteFetcher;

/**
 * Watches a {@code web_page} channel (e.g. a portal that must show the Digital Transformation Day banner from
 * 01/10 to 10/10): during {@code watchFrom}–{@code watchTo} (dd/MM/yyyy, inclusive, Asia/Ho_Chi_Minh) each run
 * loads the page, records whether {@code watchSelector} and/or {@code watchText} (diacritics- and
 * case-insensitive) are present, as one {@code page_watch} post per day ({@code watch:yyyy-MM-dd}, flag
 * {@code watch_absent} when missing), and keeps the HTML. Outside the period the run is skipped.
 */
public final class PageWatchConnector implements Connector {
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);

  private final PoliteFetcher fetcher;

  public PageWatchConnector(PoliteFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public Set<ChannelKind> kinds() {
    return Set.of(ChannelKind.WEB_PAGE);
  }

  @Override
  public void harvest(ChannelSpec channel, HarvestContext ctx) throws ConnectorException {
    Optional<LocalDate> from = watchStart(channel);
    Optional<LocalDate> to = watchEnd(channel);
    Optional<String> css = channel.option("watchSelector");
    Optional<String> text = channel.option("watchText");
    if (css.isEmpty() && text.isEmpty()) {
      throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code()
          + ": trang theo dõi cần tuỳ chọn watchSelector hoặc watchText");
    }
    Evaluator selector = css.isPresent() ? selector(channel, css.get()) : null;
    Instant now = ctx.clock().instant();
    ZonedDateTime local = now.atZone(VietnameseDates.ZONE);
    LocalDate today = local.toLocalDate();
    if (from.isPresent() && today.isBefore(from.get()) || to.isPresent() && today.isAfter(to.get())) {
      ctx.skip("ngoài thời gian theo dõi " + from.map(DMY::format).orElse("…") + "–" + to.map(DMY::format).orElse("…")
          + " (hôm nay " + DMY.format(today) + ")");
      return;
    }
    PageSource pages = new PageSource(fetcher, ctx);
    Page page = pages.get(channel.url()).orElseThrow(() -> new ConnectorException(ConnectorException.Kind.TRANSIENT,
        "không tải được trang " + channel.url() + pages.lastFailure().map(e -> ": " + e.getMessage())
            .orElse(" (xem các lỗi của lần chạy)")));
    Document doc = Jsoup.parse(page.decoded().text(), page.finalUri().toString());
    boolean selectorShown = selector == null || doc.selectFirst(selector) != null;
    boolean textShown = text.isEmpty() || VietnameseText.fold(doc.text()).contains(VietnameseText.fold(text.get()));
    boolean shown = selectorShown && textShown;
    String what = css.map(c -> "phần tử '" + c + "'").orElse("")
        + (css.isPresent() && text.isPresent() ? " và " : "") + text.map(t -> "dòng chữ \"" + t + "\"").orElse("");
    String platformId = "watch:" + today;
    String title = channel.name() + " – " + DMY.format(today) + ": " + (shown ? "có " : "không thấy ") + what;
    String body = "Kiểm tra lúc " + SHOWN.format(local) + " trang " + page.finalUri() + ": " + what + " "
        + (shown ? "có hiển thị." : "không hiển thị" + (selectorShown ? "" : " (không có phần tử)")
            + (textShown ? "" : " (không có dòng chữ)") + ".");
    ctx.accept(new HarvestedPost(platformId, PostKind.PAGE_WATCH, channel.url(), canonical(page.finalUri()), title,
        null, body, null, null, null, now, SHOWN.format(local), null, Counts.NONE,
        shown ? Set.of() : Set.of("watch_absent")));
    ctx.keepFile(platformId, page.body(), "text/html", "page-" + today + ".html");
  }

  private static String canonical(URI u) {
    return UrlCanonicalizer.canonical(u.toString()).orElse(u.toString());
  }

  /** The first day of the channel's watch period ({@code watchFrom}), if it has one. */
  public static Optional<LocalDate> watchStart(ChannelSpec channel) throws ConnectorException {
    return date(channel, "watchFrom");
  }

  /** The last day of the channel's watch period ({@code watchTo}), if it has one. */
  public static Optional<LocalDate> watchEnd(ChannelSpec channel) throws ConnectorException {
    return date(channel, "watchTo");
  }

  private static Optional<LocalDate> date(ChannelSpec channel, String key) throws ConnectorException {
    Optional<String> v = channel.option(key);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.get().strip(), DMY));
    } catch (DateTimeParseException e) {
      throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code() + ": " + key + " = '"
          + v.get() + "' không phải ngày dd/MM/yyyy");
    }
  }

  private static Evaluator selector(ChannelSpec channel, String css) throws ConnectorException {
    try {
      return QueryParser.parse(css);
    } catch (Selector.SelectorParseException e) {
      throw new ConnectorException(ConnectorException.Kind.CONFIG, "kênh " + channel.code()
          + ": watchSelector không phải bộ chọn CSS hợp lệ: '" + css + "' (" + e.getMessage() + ")");
    }
  }
}
