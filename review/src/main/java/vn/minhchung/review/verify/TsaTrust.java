package vn.minhchung.review.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import vn.minhchung.config.settings.Settings;

/**
 * The certificate authorities a time-stamp authority's certificate must chain to: the PEM file of setting
 * {@code tsa.trustStore}, else the JDK's own trust anchors ({@code cacerts}).
 */
public record TsaTrust(Set<TrustAnchor> anchors, String source) {

  public TsaTrust {
    anchors = Set.copyOf(anchors);
  }

  /** From {@code tsa.trustStore} when set, else {@link #jdk()}; a bad file is an {@link IllegalArgumentException} naming it. */
  public static TsaTrust configured(Settings settings) {
    return settings.get("tsa.trustStore").filter(s -> !s.isBlank()).map(Path::of).map(TsaTrust::pem).orElseGet(TsaTrust::jdk);
  }

  /** Every CA certificate of a PEM file (one or more {@code -----BEGIN CERTIFICATE-----} blocks). */
  public static TsaTrust pem(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Set<TrustAnchor> anchors = new LinkedHashSet<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        anchors.add(new TrustAnchor((X509Certificate) c, null));
      }
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException(file + " (tsa.trustStore): no certificate in it; expected PEM blocks "
            + "'-----BEGIN CERTIFICATE-----' of the CAs that issue the time-stamp authority's certificate");
      }
      return new TsaTrust(anchors, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " (tsa.trustStore): no such file", e);
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(file + " (tsa.trustStore): not a PEM file of certificates: " + e.getMessage(), e);
    }
  }

  /** The JDK's trust anchors, as TLS uses them. */
  public static TsaTrust jdk() {
    return Jdk.TRUST;
  }

  /** Loaded once: reading cacerts takes a while and it does not change while the program runs. */
  private static final class Jdk {
    static final TsaTrust TRUST = load();

    private static TsaTrust load() {
      try {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
          if (tm instanceof X509TrustManager x) {
            Arrays.stream(x.getAcceptedIssuers()).forEach(c -> anchors.add(new TrustAnchor(c, null)));
          }
        }
        return new TsaTrust(anchors, "the JDK's trust anchors (cacerts)");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot read the JDK's trust anchors: " + e.getMessage(), e);
      }
    }
  }
}
