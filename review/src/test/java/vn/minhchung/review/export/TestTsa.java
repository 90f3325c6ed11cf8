package vn.minhchung.review.export;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.util.Base64;
import java.util.Set;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.minhchung.review.verify.TsaTrust;

/**
 * A time-stamp authority on 127.0.0.1 for tests: BouncyCastle's TSP generator answering RFC 3161 POSTs. The
 * genuine one signs with a certificate issued by a test root CA ({@link #ROOT_PEM_SUBJECT}, trusted through
 * {@link #trust()}) with the critical extended key usage timeStamping; {@link #impostor()} signs with a
 * self-signed certificate that copies the genuine authority's name.
 */
public final class TestTsa implements AutoCloseable {
  public static final String SUBJECT = "CN=TSA thu nghiem,O=Minh chung test,C=VN";
  public static final String ROOT_PEM_SUBJECT = "CN=CA goc thu nghiem,O=Minh chung test,C=VN";
  private static final KeyPair ROOT_KEYS = keys();
  private static final X509CertificateHolder ROOT = root();
  private final HttpServer server;
  private final AtomicLong serial = new AtomicLong(1);

  private enum Kind { GENUINE, IMPOSTOR }

  public TestTsa() throws Exception {
    this(Kind.GENUINE);
  }

  public static TestTsa impostor() throws Exception {
    return new TestTsa(Kind.IMPOSTOR);
  }

  /** Trust in the test root only. */
  public static TsaTrust trust() {
    try {
      return new TsaTrust(Set.of(new TrustAnchor(new JcaX509CertificateConverter().getCertificate(ROOT), null)), "test root");
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the test root as a PEM file, as {@code tsa.trustStore} takes it. */
  public static Path writeRootPem(Path file) throws IOException {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ROOT.getEncoded());
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
    return file;
  }

  private TestTsa(Kind kind) throws Exception {
    KeyPair kp = keys();
    X500Name name = new X500Name(SUBJECT);
    Instant now = Instant.now();
    boolean selfSigned = kind == Kind.IMPOSTOR;
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(selfSigned ? name : ROOT.getSubject(),
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
        Date.from(now.plus(365, ChronoUnit.DAYS)), name, kp.getPublic());
    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    X509CertificateHolder cert = b.build(new JcaContentSignerBuilder("SHA256withRSA")
        .build(selfSigned ? kp.getPrivate() : ROOT_KEYS.getPrivate()));
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", kp.getPrivate(),
            new JcaX509CertificateConverter().getCertificate(cert)),
        new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
    tokens.addCertificates(new JcaCertStore(List.of(cert)));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tsa", ex -> {
      try (InputStream in = ex.getRequestBody(); OutputStream out = ex.getResponseBody()) {
        if (!"POST".equals(ex.getRequestMethod())
            || !"application/timestamp-query".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
          ex.sendResponseHeaders(400, -1);
          return;
        }
        byte[] answer = responses.generate(new TimeStampRequest(in.readAllBytes()),
            BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
        ex.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        ex.sendResponseHeaders(200, answer.length);
        out.write(answer);
      } catch (Exception e) {
        ex.sendResponseHeaders(500, -1);
        throw new IOException(e);
      }
    });
    server.start();
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
      kpg.initialize(2048);
      return kpg.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509CertificateHolder root() {
    try {
      X500Name name = new X500Name(ROOT_PEM_SUBJECT);
      Instant now = Instant.now();
      return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(2, ChronoUnit.DAYS)),
          Date.from(now.plus(3650, ChronoUnit.DAYS)), name, ROOT_KEYS.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(ROOT_KEYS.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
