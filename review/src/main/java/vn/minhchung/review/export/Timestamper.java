package vn.minhchung.review.export;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import vn.minhchung.config.settings.Settings;

/**
 * RFC 3161 client: asks the time-stamp authority of {@code tsa.url} to sign the SHA-256 of the manifest and
 * returns the DER token, after checking that the answer is a granted token for this very request.
 */
public final class Timestamper {
  private final URI tsa;
  private final HttpClient http;

  public Timestamper(URI tsa) {
    this.tsa = tsa;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  }

  /**
   * The time-stamp authority of setting {@code tsa.url}, or empty when it is unset; the {@code export} command
   * and the web UI's download both use this, so their dossiers are stamped alike.
   */
  public static Optional<Timestamper> configured(Settings settings) {
    return settings.uri("tsa.url").map(Timestamper::new);
  }

  public URI url() {
    return tsa;
  }

  /** The encoded {@code TimeStampToken} for the digest. */
  public byte[] stamp(byte[] sha256) throws TimestampException {
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    TimeStampRequest req = gen.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, new SecureRandom()));
    try {
      HttpRequest post = HttpRequest.newBuilder(tsa).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/timestamp-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build();
      HttpResponse<byte[]> res = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() != 200) {
        throw new TimestampException("time-stamp authority " + tsa + " answered HTTP " + res.statusCode()
            + "; check tsa.url");
      }
      TimeStampResponse tsr = new TimeStampResponse(res.body());
      tsr.validate(req);
      if (tsr.getTimeStampToken() == null) {
        throw new TimestampException("time-stamp authority " + tsa + " refused the request: status "
            + tsr.getStatus() + (tsr.getStatusString() == null ? "" : " (" + tsr.getStatusString() + ")"));
      }
      return tsr.getTimeStampToken().getEncoded();
    } catch (TSPException e) {
      throw new TimestampException("time-stamp authority " + tsa + " sent an invalid answer: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new TimestampException("cannot reach the time-stamp authority " + tsa + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimestampException("interrupted while waiting for " + tsa, e);
    }
  }

  /** The time-stamp authority failed or could not be reached. */
  public static final class TimestampException extends Exception {
    private static final long serialVersionUID = 1L;

    public TimestampException(String message) {
      super(message);
    }

    public TimestampException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
