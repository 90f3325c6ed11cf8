package vn.minhchung.review.verify;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.storage.blob.BlobStore;

/**
 * Checks an RFC 3161 token against the manifest and the trust anchors: the imprint is the SHA-256 of the
 * manifest and the signature verifies with the signer's certificate (else the dossier was changed: a problem);
 * that certificate is for time-stamping (a critical extended key usage id-kp-timeStamping, RFC 3161 §2.3) and
 * has a PKIX path, valid at the stamped time, to one of the anchors (else the token proves nothing: the stamp
 * is untrusted, which anyone can make with a certificate that only copies an authority's name). Revocation is
 * not checked: the check runs offline.
 */
final class TimestampCheck {
  private TimestampCheck() {}

  /** A trusted stamp, or why the token is not trusted. */
  sealed interface Outcome permits Trusted, Untrusted {}

  record Trusted(VerificationReport.Stamp stamp) implements Outcome {}

  record Untrusted(String why) implements Outcome {}

  static Outcome check(byte[] token, byte[] manifest, TsaTrust trust, List<VerificationReport.Problem> problems) {
    String file = DossierLayout.TIMESTAMP;
    try {
      TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
      var info = t.getTimeStampInfo();
      if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
        return problem(problems, "the token does not stamp a SHA-256 digest");
      }
      byte[] expected = BlobStore.sha256().digest(manifest);
      if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
        return problem(problems, "the token stamps another manifest: " + DossierLayout.MANIFEST
            + " was changed after it was timestamped");
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> signers = t.getCertificates().getMatches(t.getSID());
      if (signers.isEmpty()) {
        return problem(problems, "the token carries no certificate of its signer");
      }
      X509CertificateHolder cert = signers.iterator().next();
      if (!t.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
        return problem(problems, "the token's signature does not verify with the certificate it carries");
      }
      String authority = cert.getSubject().toString();
      Extension eku = cert.getExtension(Extension.extendedKeyUsage);
      if (eku == null || !eku.isCritical()
          || !ExtendedKeyUsage.getInstance(eku.getParsedValue()).hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
        return new Untrusted("the certificate of '" + authority + "' is not a time-stamping certificate (RFC 3161 "
            + "requires a critical extended key usage id-kp-timeStamping)");
      }
      Date at = info.getGenTime();
      return path(cert, t, at, trust)
          .<Outcome>map(anchor -> new Trusted(new VerificationReport.Stamp(at.toInstant(), authority, anchor)))
          .orElseGet(() -> new Untrusted("the certificate of '" + authority + "' does not chain to a trusted authority ("
              + trust.source() + "); add its CA to tsa.trustStore if you trust it"));
    } catch (TSPException | CMSException | java.io.IOException | IllegalArgumentException e) {
      return problem(problems, "not an RFC 3161 timestamp token: " + e.getMessage());
    } catch (OperatorCreationException | GeneralSecurityException e) {
      return problem(problems, "the signer's certificate cannot be used: " + e.getMessage());
    }
  }

  /** The anchor's subject when a PKIX path, valid at {@code at}, leads from the signer to an anchor. */
  private static java.util.Optional<String> path(X509CertificateHolder signer, TimeStampToken t, Date at, TsaTrust trust)
      throws GeneralSecurityException {
    if (trust.anchors().isEmpty()) {
      return java.util.Optional.empty();
    }
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    X509Certificate target = converter.getCertificate(signer);
    List<X509Certificate> carried = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> all = t.getCertificates().getMatches(null);
    for (X509CertificateHolder h : all) {
      carried.add(converter.getCertificate(h));
    }
    X509CertSelector selector = new X509CertSelector();
    selector.setCertificate(target);
    PKIXBuilderParameters params = new PKIXBuilderParameters(trust.anchors(), selector);
    params.setRevocationEnabled(false);
    params.setDate(at);
    params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
    try {
      PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
      return java.util.Optional.of(org.bouncycastle.asn1.x500.X500Name.getInstance(
          r.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getEncoded()).toString());
    } catch (java.security.cert.CertPathBuilderException e) {
      return java.util.Optional.empty();
    }
  }

  private static Outcome problem(List<VerificationReport.Problem> problems, String message) {
    problems.add(new VerificationReport.Problem(DossierLayout.TIMESTAMP, message));
    return new Untrusted("the token is not valid");
  }
}
