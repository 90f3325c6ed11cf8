package vn.minhchung.harvester.connector;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import vn.minhchung.harvester.http.AddressPolicy;
import vn.minhchung.harvester.http.HttpFetcher;

/** Shared pieces of connector tests: a fixed clock, a fetcher that records waits instead of sleeping, fixtures. */
public final class ConnectorTestSupport {
  /** "Now" in every connector test: 20/04/2026 10:00 in Hà Nội. */
  public static final Instant NOW = OffsetDateTime.parse("2026-04-20T10:00:00+07:00").toInstant();
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final Instant WINDOW_START = NOW.minus(Duration.ofDays(30));

  private ConnectorTestSupport() {}

  /** Waits asked for by the fetcher or a throttle, in order; nothing really sleeps. */
  public static final class Waits {
    public final List<Duration> all = new CopyOnWriteArrayList<>();

    /** A fetcher allowed to reach the loopback WireMock servers of the tests (internal addresses are refused). */
    public HttpFetcher fetcher() {
      return new HttpFetcher("MinhChungHarvester/test", Duration.ofSeconds(5), 1_000_000, 3, all::add, CLOCK,
          AddressPolicy.allowing("localhost, 127.0.0.1"));
    }
  }

  /** A fixture under {@code fixtures/}, with {@code {{KEY}}} placeholders replaced (e.g. the WireMock base URL). */
  public static String fixture(String path, Map<String, String> vars) {
    try (InputStream in = ConnectorTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture fixtures/" + path);
      }
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : vars.entrySet()) {
        s = s.replace("{{" + e.getKey() + "}}", e.getValue());
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String fixture(String path) {
    return fixture(path, Map.of());
  }

  public static byte[] bytes(String path) {
    return fixture(path).getBytes(StandardCharsets.UTF_8);
  }

  /** Captures every log line of the process while open; {@link #text()} is all formatted messages. */
  public static final class Logs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public Logs() {
      appender.start();
      root.addAppender(appender);
    }

    public String text() {
      return appender.list.stream().map(e -> e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
          .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
      root.detachAppender(appender);
    }
  }
}
