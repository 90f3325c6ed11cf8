package vn.minhchung.harvester.connector.web.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.minhchung.harvester.connector.web.ArticleExtractor;
import vn.minhchung.harvester.connector.web.ExtractedArticle;

/**
 * Precision and recall of the published date over the corpus of {@code fixtures/article-dates/} (expected.tsv
 * beside the pages), plus title, canonical URL and views. A date is right when it is the expected instant
 * (expected with a time) or the expected day as the page counts days (expected as a day). A wrong date one day
 * off in the page's real zone (column zone) counts as a zone error.
 */
class ArticleDatesCorpusTest {
  private static final String DIR = "/fixtures/article-dates/";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

  /** One row of expected.tsv. */
  record Row(String file, String url, String family, String posted, String zone, String title, String canonical,
      String views) {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    String[] lines = read("expected.tsv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      if (f.length != 8) {
        throw new IllegalStateException("expected.tsv line " + (i + 1) + ": 8 tab-separated fields expected, found "
            + f.length);
      }
      rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]));
    }
    return rows;
  }

  static String read(String name) {
    try (InputStream in = ArticleDatesCorpusTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @Timeout(60)
  void precisionAndRecallOfPublishedDatesOverTheCorpus() {
    List<Row> rows = rows();
    int right = 0;
    int wrong = 0;
    int missed = 0;
    int expectedDates = 0;
    int offByOneDay = 0;
    int vietnamese = 0;
    int titles = 0;
    int canonicals = 0;
    int views = 0;
    List<String> errors = new ArrayList<>();
    java.util.Map<String, Integer> sources = new java.util.TreeMap<>();
    for (Row r : rows) {
      if (!r.family().equals("foreign")) {
        vietnamese++;
      }
      ExtractedArticle a = ArticleExtractor.extract(read(r.file()), URI.create(r.url()), CLOCK);
      boolean expectsDate = !r.posted().equals("-");
      sources.merge(a.postedAtSource() == null ? (a.flags().contains("date_conflict") ? "conflict" : "none")
          : a.postedAtSource(), 1, Integer::sum);
      expectedDates += expectsDate ? 1 : 0;
      if (a.postedAt() == null) {
        if (expectsDate) {
          missed++;
          errors.add(r.file() + ": no date, expected " + r.posted() + " " + a.dates().problem().orElse(""));
        }
      } else if (expectsDate && matches(a, r)) {
        right++;
      } else {
        wrong++;
        ZoneId zone = ZoneId.of(r.zone());
        LocalDate got = a.postedAt().atZone(zone).toLocalDate();
        if (expectsDate && Math.abs(got.toEpochDay() - expectedDay(r).toEpochDay()) == 1) {
          offByOneDay++;
        }
        errors.add(r.file() + ": " + a.postedAt().atZone(zone) + " from " + a.postedAtSource() + " \""
            + a.postedAtText() + "\", expected " + r.posted());
      }
      if (Objects.equals(a.title(), r.title())) {
        titles++;
      } else {
        errors.add(r.file() + ": title \"" + a.title() + "\", expected \"" + r.title() + "\"");
      }
      if (a.canonicalUrl().equals(r.canonical())) {
        canonicals++;
      } else {
        errors.add(r.file() + ": canonical " + a.canonicalUrl() + ", expected " + r.canonical());
      }
      if (String.valueOf(a.views() == null ? "-" : a.views()).equals(r.views())) {
        views++;
      } else {
        errors.add(r.file() + ": views " + a.views() + ", expected " + r.views());
      }
    }
    double precision = right + wrong == 0 ? 0 : (double) right / (right + wrong);
    double recall = expectedDates == 0 ? 0 : (double) right / expectedDates;
    System.out.printf(Locale.ROOT, "Article dates over %d pages (%d Vietnamese, %d foreign), %d with a date:%n"
            + "  right %d, wrong %d, none %d; precision %.3f, recall %.3f; off by one day: %d%n"
            + "  titles %d/%d, canonical URLs %d/%d, views %d/%d; dates by source %s%n",
        rows.size(), vietnamese, rows.size() - vietnamese, expectedDates, right, wrong, missed, precision, recall,
        offByOneDay, titles, rows.size(), canonicals, rows.size(), views, rows.size(), sources);
    errors.forEach(e -> System.out.println("  " + e));
    assertThat(vietnamese).isGreaterThanOrEqualTo(60);
    assertThat(precision).as("precision; %s", errors).isGreaterThanOrEqualTo(0.98);
    assertThat(recall).as("recall; %s", errors).isGreaterThanOrEqualTo(0.95);
    assertThat(offByOneDay).as("dates a day off because of the zone").isZero();
    assertThat(titles).as("titles; %s", errors).isEqualTo(rows.size());
    assertThat(canonicals).as("canonical URLs; %s", errors).isEqualTo(rows.size());
    assertThat(views).as("views; %s", errors).isEqualTo(rows.size());
  }

  /** The expected instant, or for a day the page states without a time, that day as the page counts days. */
  private static boolean matches(ExtractedArticle a, Row r) {
    if (r.posted().length() > 10) {
      return a.postedAt().equals(OffsetDateTime.parse(r.posted()).toInstant());
    }
    return a.postedDay().equals(expectedDay(r));
  }

  private static LocalDate expectedDay(Row r) {
    return r.posted().length() > 10 ? OffsetDateTime.parse(r.posted()).atZoneSameInstant(ZoneId.of(r.zone()))
        .toLocalDate() : LocalDate.parse(r.posted());
  }
}
