package vn.minhchung.review.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Session;
import vn.minhchung.storage.blob.BlobStore;

/**
 * The banner series of a dossier: for each plan item and each watched page ({@code web_page} channel) whose days
 * it files, one row per day of the watch period: shown or not ("không thấy"), the time of the capture and its
 * screenshot. Shown-or-not is what the capture found ({@code capture.json} {@code watch.found}), else the harvest's
 * flag. The series are written as tables in index.html, the XLSX and the DOCX, and as {@link #FILE}, which
 * {@code verify} checks against each day's {@code capture.json}.
 */
final class BannerSeries {
  /** The series as data, in the dossier root and in the manifest. */
  static final String FILE = DossierLayout.BANNER_SERIES;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  /** What a day shows. */
  enum State {
    SHOWN("có hiển thị"), ABSENT("không thấy"), NOT_CHECKED("không có ảnh chụp"), NOT_YET("chưa đến ngày");

    final String label;

    State(String label) {
      this.label = label;
    }
  }

  /**
   * One day of a period; {@code entry} is the day's evidence as filed (null when the dossier has none), with its
   * screenshot path and its {@code capture.json} path in the dossier.
   */
  record Day(LocalDate day, int index, State state, Instant capturedAt, DossierInfo.Entry entry, String screenshotPath,
      String captureJsonPath) {}

  /** The days of one watched page under one plan item. */
  record Series(String itemCode, String channelCode, String channelName, String url, LocalDate from, LocalDate to,
      String what, List<Day> days) {
    long absent() {
      return days.stream().filter(d -> d.state() == State.ABSENT).count();
    }

    String period() {
      return (from == null ? "…" : DossierText.date(from)) + "–" + (to == null ? "…" : DossierText.date(to));
    }

    /** "ngày thứ 3 trong 10" (as the capture's {@code periodDay}), or the date alone without a bounded period. */
    String dayLabel(Day d) {
      return from != null && to != null ? "ngày thứ " + d.index() + " trong " + (ChronoUnit.DAYS.between(from, to) + 1)
          : DossierText.date(d.day());
    }
  }

  private final BlobStore blobs;
  private final List<Series> all = new ArrayList<>();
  private final List<DossierInfo.Entry> pending = new ArrayList<>();

  BannerSeries(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Keeps an entry of the current item if it is a watched page's day. */
  void offer(DossierInfo.Entry e) {
    if ("web_page".equals(e.row().channelKind()) && e.row().postId() != null) {
      pending.add(e);
    }
  }

  /** Closes the current item: its series, in channel order (empty when it files no watched page). */
  List<Series> endItem(Session s, String itemCode, LocalDate today) {
    if (pending.isEmpty()) {
      return List.of();
    }
    Map<Long, DossierInfo.Entry> byEvidence = new LinkedHashMap<>();
    pending.forEach(e -> byEvidence.put(e.row().evidenceId(), e));
    pending.clear();
    List<Object[]> rows = s.createSelectionQuery("select e.id, ch.code, ch.name, ch.url, ch.optionsJson, p.platformId"
        + " from Evidence e join e.channel ch join e.post p where e.id in :ids order by ch.code, p.platformId",
        Object[].class).setParameter("ids", List.copyOf(byEvidence.keySet())).getResultList();
    Map<String, List<Object[]>> byChannel = new LinkedHashMap<>();
    rows.forEach(r -> byChannel.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(r));
    List<Series> out = new ArrayList<>();
    for (List<Object[]> channelRows : byChannel.values()) {
      Object[] first = channelRows.get(0);
      JsonNode options = options((String) first[4]);
      LocalDate from = date(options.path("watchFrom"));
      LocalDate to = date(options.path("watchTo"));
      TreeMap<LocalDate, Day> days = new TreeMap<>();
      for (Object[] r : channelRows) {
        String id = (String) r[5];
        if (id == null || !id.startsWith("watch:")) {
          continue;
        }
        LocalDate day = LocalDate.parse(id.substring(6));
        DossierInfo.Entry e = byEvidence.get((Long) r[0]);
        days.put(day, day(e, day, from));
      }
      if (from != null && to != null) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          if (!days.containsKey(d)) {
            days.put(d, new Day(d, index(from, d), d.isAfter(today) ? State.NOT_YET : State.NOT_CHECKED, null, null,
                null, null));
          }
        }
      }
      String what = text(options.path("watchSelector")).map(c -> "phần tử '" + c + "'").orElse("")
          + (text(options.path("watchSelector")).isPresent() && text(options.path("watchText")).isPresent() ? " và " : "")
          + text(options.path("watchText")).map(t -> "dòng chữ \"" + t + "\"").orElse("");
      out.add(new Series(itemCode, (String) first[1], (String) first[2], (String) first[3], from, to, what,
          List.copyOf(days.values())));
    }
    all.addAll(out);
    return out;
  }

  private Day day(DossierInfo.Entry e, LocalDate day, LocalDate from) {
    ExportRow r = e.row();
    Optional<Boolean> found = Optional.empty();
    if (r.jsonSha() != null) {
      try (InputStream in = blobs.open(r.jsonSha())) {
        JsonNode watch = JSON.readTree(in).path("watch");
        if (watch.has("found")) {
          found = Optional.of(watch.path("found").asBoolean());
        }
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException("cannot read capture.json " + r.jsonSha() + " of evidence "
            + r.evidenceId() + ": " + ex.getMessage(), ex);
      }
    }
    boolean shown = found.orElseGet(() -> r.postFlags() == null
        || !List.of(r.postFlags().split(",")).contains("watch_absent"));
    String shot = path(e, "screenshot.png");
    return new Day(day, from == null ? 0 : index(from, day), shown ? State.SHOWN : State.ABSENT, r.capturedAt(), e,
        shot, path(e, "capture.json"));
  }

  private static String path(DossierInfo.Entry e, String suffix) {
    return e.files().stream().map(DossierInfo.FileRef::path).filter(p -> p.endsWith("-" + suffix)).findFirst()
        .orElse(null);
  }

  private static int index(LocalDate from, LocalDate d) {
    return (int) ChronoUnit.DAYS.between(from, d) + 1;
  }

  List<Series> all() {
    return all;
  }

  /** {@link #FILE}: every series with its days, each naming the files that prove it. */
  byte[] json() throws IOException {
    ArrayNode list = JSON.createArrayNode();
    for (Series s : all) {
      ObjectNode n = list.addObject();
      n.put("item", s.itemCode());
      n.put("channel", s.channelCode());
      n.put("channelName", s.channelName());
      n.put("url", s.url());
      n.put("from", s.from() == null ? null : s.from().toString());
      n.put("to", s.to() == null ? null : s.to().toString());
      n.put("watch", s.what());
      ArrayNode days = n.putArray("days");
      for (Day d : s.days()) {
        ObjectNode o = days.addObject();
        o.put("day", d.day().toString());
        o.put("periodDay", s.dayLabel(d));
        o.put("state", d.state().name().toLowerCase(Locale.ROOT));
        o.put("shown", d.state() == State.SHOWN ? Boolean.TRUE : d.state() == State.ABSENT ? Boolean.FALSE : null);
        o.put("capturedAt", d.capturedAt() == null ? null
            : d.capturedAt().atZone(vn.minhchung.config.settings.Settings.ZONE).toOffsetDateTime()
                .truncatedTo(ChronoUnit.SECONDS).toString());
        o.put("evidenceId", d.entry() == null ? null : d.entry().row().evidenceId());
        o.put("screenshot", d.screenshotPath());
        o.put("captureJson", d.captureJsonPath());
      }
    }
    return JSON.writeValueAsBytes(list);
  }

  private static JsonNode options(String json) {
    try {
      return json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static Optional<String> text(JsonNode v) {
    String t = v.isArray() ? v.path(0).asText("") : v.asText("");
    return t.isBlank() ? Optional.empty() : Optional.of(t.strip());
  }

  private static LocalDate date(JsonNode v) {
    try {
      return text(v).map(t -> LocalDate.parse(t, DMY)).orElse(null);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
