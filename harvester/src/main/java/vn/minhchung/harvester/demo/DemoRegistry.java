package vn.minhchung.harvester.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.minhchung.config.registry.ChannelEntry;
import vn.minhchung.config.registry.ChannelKind;
import vn.minhchung.config.registry.ItemEntry;
import vn.minhchung.config.registry.PlanEntry;
import vn.minhchung.config.registry.RegistryDocument;
import vn.minhchung.config.registry.RegistryFile;
import vn.minhchung.config.registry.RegistryFormats;
import vn.minhchung.config.registry.RegistryYamlWriter;
import vn.minhchung.config.registry.Where;

/**
 * The demo's registry: the units, plans, items and targets of {@code config/examples/bac-ninh.yaml} (on the
 * classpath as {@link #EXAMPLE}) with its five channels pointed at {@link DemoSites}. Platform channels keep
 * their platform URLs (the registry only accepts facebook.com, zalo.me, youtube.com there) and get the demo ids;
 * the portal is watched for the banner during the ten days ending {@code today}, like the real 01/10–10/10, and the
 * demo portal takes the banner down on the fourth of them ({@link #bannerDownOn});
 * the items of the 2025 communication plan ({@link #COMMUNICATION_PLAN}, due 31/12/2025 in the seed) are due
 * {@link #COMMUNICATION_DAYS_LEFT} days after {@code today}, so that the demo's recent posts fall within their time.
 * The output depends only on the sites' ports and {@code today}, so importing it again changes nothing.
 */
public final class DemoRegistry {
  public static final String EXAMPLE = "/examples/bac-ninh.yaml";
  /** Channel codes of the example registry, one per kind. */
  public static final String FACEBOOK = "FB-TTBN";
  public static final String ZALO = "ZALO-CQSBN";
  public static final String YOUTUBE = "YT-TTDN-BN";
  public static final String NEWSPAPER = "BAO-BN";
  public static final String PORTAL = "CONG-TTDT-BN";
  /** Fanpages of the demo read through the browser (no token): a public one, and one whose page is a login wall. */
  public static final String PUBLIC_FANPAGE = "FB-SKHCN";
  public static final String WALLED_FANPAGE = "FB-XTH";
  static final String WATCH_TEXT = "Ngày Chuyển đổi số quốc gia";
  /** The plan whose targets the demo's reviewer works toward (clips, 3D and 2D infographics). */
  public static final String COMMUNICATION_PLAN = "KHTT-CDS-2025";
  static final int COMMUNICATION_DAYS_LEFT = 30;

  private DemoRegistry() {}

  /** The first day of the portal's banner watch: ten days ending {@code today}. */
  public static LocalDate watchFrom(LocalDate today) {
    return today.minusDays(9);
  }

  /** The day of the watch period on which the demo portal shows no banner (its fourth). */
  public static LocalDate bannerDownOn(LocalDate today) {
    return watchFrom(today).plusDays(3);
  }

  /** The example registry with the demo channels, validated like a file given to {@code registry import}. */
  public static RegistryDocument document(DemoSites sites, LocalDate today) {
    RegistryDocument example = RegistryFile.parse(EXAMPLE, example(), false, Set.of());
    List<ChannelEntry> channels = new ArrayList<>();
    for (ChannelEntry c : example.channels()) {
      channels.add(demo(c, sites, today));
    }
    // Two Fanpages without a token, read through the browser: a public timeline, and one behind a login wall.
    channels.add(browserFanpage(PUBLIC_FANPAGE, "SKHCN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh",
        sites.facebookPublicPageUrl()));
    channels.add(browserFanpage(WALLED_FANPAGE, "UBND-XP", "UBND xã Tân Hồng", sites.facebookWallPageUrl()));
    List<PlanEntry> plans = example.plans().stream().map(p -> p.code().equals(COMMUNICATION_PLAN)
        ? dueAfter(p, today.plusDays(COMMUNICATION_DAYS_LEFT)) : p).toList();
    return RegistryFile.parse("demo-registry.yaml", RegistryYamlWriter.write(new RegistryDocument(example.units(),
        channels, plans)).getBytes(StandardCharsets.UTF_8), false, Set.of());
  }

  /** The plan with every dated item due on {@code deadline}. */
  private static PlanEntry dueAfter(PlanEntry p, LocalDate deadline) {
    List<ItemEntry> items = p.items().stream().map(i -> i.deadline() == null ? i : new ItemEntry(i.code(), i.title(),
        i.lead(), i.cooperating(), i.timing(), deadline, i.products(), i.keywords(), i.components(), i.targets(),
        i.unitDeadlines(), i.where())).toList();
    return new PlanEntry(p.code(), p.title(), p.issuer(), p.issuedOn(), p.components(), items, p.where());
  }

  /** The registry as YAML (the format of {@code registry import}). */
  public static String yaml(DemoSites sites, LocalDate today) {
    String body = RegistryYamlWriter.write(document(sites, today));
    return "# Demo registry: units, plans and targets of config/examples/bac-ninh.yaml; channels on the local demo\n"
        + "# sites (" + sites.newspaperUrl() + " …). Written by the demo; import with: registry import FILE\n"
        + body.substring(body.indexOf('\n') + 1);
  }

  /** Writes {@link #yaml} to {@code file} (UTF-8) and returns it. */
  public static Path write(DemoSites sites, LocalDate today, Path file) throws IOException {
    Files.writeString(file, yaml(sites, today), StandardCharsets.UTF_8);
    return file;
  }

  private static ChannelEntry demo(ChannelEntry c, DemoSites sites, LocalDate today) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    String news = sites.newspaperUrl().toString().replaceFirst("/$", "");
    return switch (c.kind()) {
      case FACEBOOK_PAGE -> {
        options.put("via", List.of("api"));
        yield entry(c, c.url(), sites.facebookPageId(), options);
      }
      case ZALO_OA -> {
        // Not connected at first (issue 14): 'auto' reads the public profile until the OA is connected.
        options.put("via", List.of("auto"));
        yield entry(c, c.url(), sites.zaloOaId(), options);
      }
      case YOUTUBE_CHANNEL -> {
        options.put("via", List.of("api"));
        yield entry(c, "https://www.youtube.com/channel/" + sites.youtubeChannelId(), sites.youtubeChannelId(),
            options);
      }
      case NEWS_SITE -> {
        options.put("feedUrl", List.of(news + NewspaperSite.FEED));
        options.put("sitemapUrl", List.of(news + "/sitemap.xml"));
        options.put("listingUrl", List.of(news + NewspaperSite.SECTION));
        options.put("articleLink", List.of("a.font-tin-doc"));
        yield entry(c, sites.newspaperUrl().toString(), null, options);
      }
      case WEB_PAGE -> {
        options.put("watchSelector", List.of("img[alt*='" + WATCH_TEXT + "']"));
        options.put("watchText", List.of(WATCH_TEXT));
        options.put("watchFrom", List.of(RegistryFormats.formatDate(watchFrom(today))));
        options.put("watchTo", List.of(RegistryFormats.formatDate(today)));
        yield entry(c, sites.portalUrl().toString(), null, options);
      }
    };
  }

  private static ChannelEntry browserFanpage(String code, String unit, String name, String url) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    options.put("via", List.of("browser"));
    return new ChannelEntry(code, unit, ChannelKind.FACEBOOK_PAGE, name, url, null, "0 30 6 * * ?", true, options,
        Where.NONE);
  }

  private static ChannelEntry entry(ChannelEntry c, String url, String platformId, Map<String, List<String>> options) {
    return new ChannelEntry(c.code(), c.unit(), c.kind(), c.name(), url, platformId, c.schedule(), true, options,
        Where.NONE);
  }

  private static byte[] example() {
    try (InputStream in = DemoRegistry.class.getResourceAsStream(EXAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("the example registry " + EXAMPLE + " is missing from the classpath "
            + "(harvester/pom.xml copies config/examples/bac-ninh.yaml there)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + EXAMPLE, e);
    }
  }
}
