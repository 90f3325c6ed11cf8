package vn.minhchung.harvester.schedule.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import vn.minhchung.config.settings.Settings;

/**
 * Sends new alerts by e-mail through the SMTP server of {@code smtp.*}: one message per check listing the new
 * alerts, Vietnamese subject and body in UTF-8. Present only when {@code smtp.host} is set.
 */
public final class AlertMailer {
  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final String host;

  private AlertMailer(Session session, InternetAddress from, InternetAddress[] to, String host) {
    this.session = session;
    this.from = from;
    this.to = to;
    this.host = host;
  }

  /** The mailer of the settings, or empty when {@code smtp.host} is not set. */
  public static Optional<AlertMailer> fromSettings(Settings s) {
    Optional<String> host = s.get("smtp.host");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String toList = s.get("smtp.to").orElseThrow(() -> new IllegalArgumentException(
        "smtp.host is set but smtp.to is empty; give the staff address(es) that receive alerts, comma-separated"));
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", host.get());
    p.setProperty("mail.smtp.port", s.string("smtp.port"));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.bool("smtp.startTls")));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.bool("smtp.startTls")));
    p.setProperty("mail.smtp.connectiontimeout", "15000");
    p.setProperty("mail.smtp.timeout", "30000");
    p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    Optional<String> user = s.get("smtp.user");
    Authenticator auth = null;
    if (user.isPresent()) {
      p.setProperty("mail.smtp.auth", "true");
      String password = s.get("smtp.password").orElse("");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user.get(), password);
        }
      };
    }
    try {
      InternetAddress from = new InternetAddress(s.get("smtp.from").orElse(user.orElse("harvester@" + host.get())));
      return Optional.of(new AlertMailer(Session.getInstance(p, auth), from, InternetAddress.parse(toList), host.get()));
    } catch (AddressException e) {
      throw new IllegalArgumentException("smtp.from / smtp.to: '" + e.getRef() + "' is not an e-mail address: "
          + e.getMessage(), e);
    }
  }

  /** Sends one message about the alerts; throws with the server named when it cannot. */
  void send(List<AlertView> alerts, Instant now) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(from);
    m.setRecipients(Message.RecipientType.TO, to);
    m.setSentDate(Date.from(now));
    m.setSubject(subject(alerts), StandardCharsets.UTF_8.name());
    m.setText(body(alerts), StandardCharsets.UTF_8.name());
    try {
      Transport.send(m);
    } catch (MessagingException e) {
      throw new MessagingException("cannot send alert e-mail through SMTP server " + host + ": " + e.getMessage(), e);
    }
  }

  static String subject(List<AlertView> alerts) {
    return alerts.size() == 1
        ? "[Thu thập minh chứng] Cảnh báo: " + alerts.get(0).title()
        : "[Thu thập minh chứng] " + alerts.size() + " cảnh báo mới";
  }

  static String body(List<AlertView> alerts) {
    StringBuilder sb = new StringBuilder("Hệ thống thu thập minh chứng ghi nhận ")
        .append(alerts.size()).append(" cảnh báo mới:\n\n");
    int i = 1;
    for (AlertView a : alerts) {
      sb.append(i++).append(". ").append(a.title()).append('\n')
          .append("   ").append(a.message()).append('\n')
          .append("   Phát hiện lúc: ").append(AlertTexts.dateTime(a.firstSeenAt())).append("\n\n");
    }
    sb.append("Xem toàn bộ cảnh báo bằng lệnh 'alerts list' hoặc trên giao diện web.\n")
        .append("Thư này được gửi tự động, vui lòng không trả lời.\n");
    return sb.toString();
  }
}
