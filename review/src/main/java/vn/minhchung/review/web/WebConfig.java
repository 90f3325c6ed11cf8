package vn.minhchung.review.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.export.AppendixPdf;
import vn.minhchung.review.export.DocumentForm;
import vn.minhchung.review.export.Timestamper;

/**
 * The web server's settings: bind address and port, session timeout, upload limit, deadline warning days, days
 * without success before a channel is flagged, the folder where downloaded dossiers are assembled, the
 * time-stamp authority that stamps them (the same as the {@code export} command's), whether the session
 * cookie is {@code Secure} (when {@code web.publicUrl}, the address users reach through a proxy, is https), and how
 * many days before an account's expiry it shows as expiring, and the LibreOffice that adds the appendix's PDF to
 * downloaded dossiers (setting {@code export.pdf}), the appendix's document frame ({@code export.form.*}), and
 * after how many minutes without a heartbeat the nodes page shows a node as silent ({@code alerts.nodeSilentMinutes}).
 */
public record WebConfig(String host, int port, Duration sessionTimeout, long uploadMaxBytes, int deadlineWarnDays,
    int staleDays, Path dossierWorkDir, Optional<Timestamper> timestamper, boolean secureCookies,
    int accountExpiryDays, Optional<AppendixPdf> appendixPdf, DocumentForm documentForm, int nodeSilentMinutes) {

  /** Without the document form (blanks to fill in) and with the default {@code alerts.nodeSilentMinutes} (tests). */
  public WebConfig(String host, int port, Duration sessionTimeout, long uploadMaxBytes, int deadlineWarnDays,
      int staleDays, Path dossierWorkDir, Optional<Timestamper> timestamper, boolean secureCookies,
      int accountExpiryDays, Optional<AppendixPdf> appendixPdf) {
    this(host, port, sessionTimeout, uploadMaxBytes, deadlineWarnDays, staleDays, dossierWorkDir, timestamper,
        secureCookies, accountExpiryDays, appendixPdf, DocumentForm.EMPTY, 5);
  }

  public static WebConfig from(Settings s, String host, int port) {
    boolean https = s.uri("web.publicUrl").map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
    return new WebConfig(host, port, Duration.ofMinutes(s.integer("web.sessionTimeoutMinutes")),
        s.longValue("web.uploadMaxBytes"), s.integer("alerts.deadlineDays"), s.integer("alerts.staleDays"),
        s.dataDir().resolve("tmp").resolve("dossier"), Timestamper.configured(s), https,
        s.integer("alerts.accountExpiryDays"), AppendixPdf.configured(s), DocumentForm.of(s),
        s.integer("alerts.nodeSilentMinutes"));
  }
}
