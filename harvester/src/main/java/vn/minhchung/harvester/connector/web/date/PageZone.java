package vn.minhchung.harvester.connector.web.date;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.minhchung.config.text.VietnameseDates;

/**
 * The zone a page's own days are in, and whether it writes numeric dates month-first. The zone comes from, in
 * order: an offset written in the page's dates (other than UTC), the region of its {@code lang}, Vietnamese as
 * its language, the country of its domain (ccTLD), the usual country of its language, else Asia/Ho_Chi_Minh.
 * {@code reason} says which. Pure.
 */
public record PageZone(ZoneId zone, String reason, String lang, boolean vietnamese) {

  private static final Map<String, String> COUNTRY_ZONES = Map.ofEntries(
      Map.entry("vn", "Asia/Ho_Chi_Minh"), Map.entry("de", "Europe/Berlin"), Map.entry("at", "Europe/Vienna"),
      Map.entry("ch", "Europe/Zurich"), Map.entry("fr", "Europe/Paris"), Map.entry("be", "Europe/Brussels"),
      Map.entry("nl", "Europe/Amsterdam"), Map.entry("uk", "Europe/London"), Map.entry("gb", "Europe/London"),
      Map.entry("ie", "Europe/Dublin"), Map.entry("es", "Europe/Madrid"), Map.entry("it", "Europe/Rome"),
      Map.entry("pt", "Europe/Lisbon"), Map.entry("pl", "Europe/Warsaw"), Map.entry("cz", "Europe/Prague"),
      Map.entry("ru", "Europe/Moscow"), Map.entry("us", "America/New_York"), Map.entry("ca", "America/Toronto"),
      Map.entry("mx", "America/Mexico_City"), Map.entry("br", "America/Sao_Paulo"), Map.entry("au", "Australia/Sydney"),
      Map.entry("nz", "Pacific/Auckland"), Map.entry("jp", "Asia/Tokyo"), Map.entry("kr", "Asia/Seoul"),
      Map.entry("cn", "Asia/Shanghai"), Map.entry("tw", "Asia/Taipei"), Map.entry("hk", "Asia/Hong_Kong"),
      Map.entry("sg", "Asia/Singapore"), Map.entry("th", "Asia/Bangkok"), Map.entry("la", "Asia/Vientiane"),
      Map.entry("kh", "Asia/Phnom_Penh"), Map.entry("my", "Asia/Kuala_Lumpur"), Map.entry("id", "Asia/Jakarta"),
      Map.entry("ph", "Asia/Manila"), Map.entry("in", "Asia/Kolkata"));
  /** The country a language is most often written from, when the page names no region. */
  private static final Map<String, String> LANGUAGE_COUNTRIES = Map.ofEntries(
      Map.entry("vi", "vn"), Map.entry("de", "de"), Map.entry("fr", "fr"), Map.entry("es", "es"),
      Map.entry("it", "it"), Map.entry("nl", "nl"), Map.entry("pl", "pl"), Map.entry("cs", "cz"),
      Map.entry("ru", "ru"), Map.entry("ja", "jp"), Map.entry("ko", "kr"), Map.entry("zh", "cn"),
      Map.entry("th", "th"), Map.entry("lo", "la"), Map.entry("km", "kh"), Map.entry("id", "id"), Map.entry("ms", "my"));

  /**
   * @param lang the page's {@code lang} (or {@code og:locale}), may be empty
   * @param written a date of the page written with an offset other than UTC, if any
   */
  public static PageZone decide(String lang, URI url, Optional<OffsetDateTime> written) {
    String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    String language = l.contains("-") ? l.substring(0, l.indexOf('-')) : l;
    String region = l.contains("-") ? l.substring(l.indexOf('-') + 1) : "";
    String tld = tld(url);
    boolean vietnamese = language.equals("vi") || language.isEmpty() && tld.equals("vn");
    if (written.isPresent()) {
      ZoneOffset o = written.get().getOffset();
      // The named zone of the page's country when it agrees with the written offset (it knows summer time).
      Optional<ZoneId> named = named(language, region, tld)
          .filter(z -> z.getRules().getOffset(written.get().toInstant()).equals(o));
      return new PageZone(named.orElse(o), "offset " + o.getId() + " written in the page", l, vietnamese);
    }
    if (COUNTRY_ZONES.containsKey(region)) {
      return new PageZone(ZoneId.of(COUNTRY_ZONES.get(region)), "lang " + l, l, vietnamese);
    }
    if (language.equals("vi")) {
      return new PageZone(VietnameseDates.ZONE, "lang " + l, l, true);
    }
    if (COUNTRY_ZONES.containsKey(tld)) {
      return new PageZone(ZoneId.of(COUNTRY_ZONES.get(tld)), "domain ." + tld, l, vietnamese);
    }
    if (LANGUAGE_COUNTRIES.containsKey(language)) {
      return new PageZone(ZoneId.of(COUNTRY_ZONES.get(LANGUAGE_COUNTRIES.get(language))), "lang " + l, l, vietnamese);
    }
    return new PageZone(VietnameseDates.ZONE, "default", l, vietnamese);
  }

  /** Whether numeric dates are month-first when the page's own dates do not tell: only US English. */
  public boolean monthFirstByLanguage() {
    if (vietnamese || !lang.startsWith("en")) {
      return false;
    }
    return lang.equals("en-us") || lang.equals("en") && zone.getId().startsWith("America/");
  }

  private static Optional<ZoneId> named(String language, String region, String tld) {
    String country = COUNTRY_ZONES.containsKey(region) ? region : language.equals("vi") ? "vn"
        : COUNTRY_ZONES.containsKey(tld) ? tld : LANGUAGE_COUNTRIES.get(language);
    return Optional.ofNullable(country).map(COUNTRY_ZONES::get).map(ZoneId::of);
  }

  private static String tld(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int dot = host.lastIndexOf('.');
    return dot < 0 ? "" : host.substring(dot + 1);
  }
}
