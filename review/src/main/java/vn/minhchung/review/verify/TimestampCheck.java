package vn.minhchung.review.verify;

import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.minhchung.review.export.DossierLayout;
import vn.minhchung.storage.blob.BlobStore;

/**
 * Checks an RFC 3161 token against the manifest: the imprint is the SHA-256 of the manifest, and the token's
 * signature verifies with the certificate carried in the token. Whether that authority is trusted is for the
 * reader to judge from the name reported.
 */
final class TimestampCheck {
  private TimestampCheck() {}

  static Optional<VerificationReport.Stamp> check(byte[] token, byte[] manifest, List<VerificationReport.Problem> problems) {
    String file = DossierLayout.TIMESTAMP;
    try {
      TimeStampToken t = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
      var info = t.getTimeStampInfo();
      if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
        problems.add(new VerificationReport.Problem(file, "the token does not stamp a SHA-256 digest"));
        return Optional.empty();
      }
      byte[] expected = BlobStore.sha256().digest(manifest);
      if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
        problems.add(new VerificationReport.Problem(file, "the token stamps another manifest: "
            + DossierLayout.MANIFEST + " was changed after it was timestamped"));
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> certs = t.getCertificates().getMatches(t.getSID());
      if (certs.isEmpty()) {
        problems.add(new VerificationReport.Problem(file, "the token carries no certificate of its signer"));
        return Optional.empty();
      }
      X509CertificateHolder cert = certs.iterator().next();
      t.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      return Optional.of(new VerificationReport.Stamp(info.getGenTime().toInstant(), cert.getSubject().toString()));
    } catch (TSPException e) {
      problems.add(new VerificationReport.Problem(file, "the token's signature does not verify: " + e.getMessage()));
    } catch (CMSException | java.io.IOException | IllegalArgumentException e) {
      problems.add(new VerificationReport.Problem(file, "not an RFC 3161 timestamp token: " + e.getMessage()));
    } catch (OperatorCreationException | CertificateException e) {
      problems.add(new VerificationReport.Problem(file, "the signer's certificate cannot be used: " + e.getMessage()));
    }
    return Optional.empty();
  }
}
