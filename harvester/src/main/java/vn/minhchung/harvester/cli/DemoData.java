package vn.minhchung.harvester.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.minhchung.config.registry.RegistryFormats;
import vn.minhchung.config.settings.Settings;
import vn.minhchung.review.auth.PasswordRules;
import vn.minhchung.review.auth.Role;
import vn.minhchung.review.auth.Users;
import vn.minhchung.storage.db.Database;

/**
 * What the demo may do to a data directory. It imports sample channels and harvests into the database, so it only
 * works in a directory it owns: one whose database is empty, or one it marked on an earlier run
 * ({@code DATA/demo/marker}). Its admin login gets a random password, printed once and stored only as a bcrypt
 * hash.
 */
final class DemoData {
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Tables whose rows are someone's data: units, channels, plans, posts, evidence, users. */
  private static final Map<String, String> OWN_DATA = new LinkedHashMap<>();

  static {
    OWN_DATA.put("unit", "đơn vị");
    OWN_DATA.put("channel", "kênh");
    OWN_DATA.put("plan", "kế hoạch");
    OWN_DATA.put("post", "bài viết");
    OWN_DATA.put("evidence", "minh chứng");
    OWN_DATA.put("app_user", "người dùng");
  }

  private DemoData() {}

  static Path marker(Path dataDir) {
    return dataDir.resolve("demo").resolve("marker");
  }

  /**
   * Takes {@code dataDir} for the demo: marks it when its database is empty; accepts it when marked (or holding
   * the {@code demo/anchor} of a demo run before markers existed); otherwise refuses, naming the directory, what it
   * holds and {@code --data}.
   */
  static void claim(Path dataDir, Database db, Instant now) {
    Path marker = marker(dataDir);
    if (Files.isRegularFile(marker)) {
      return;
    }
    boolean earlierDemo = Files.isRegularFile(dataDir.resolve("demo").resolve("anchor"));
    if (!earlierDemo) {
      Map<String, Long> rows = db.inTransaction(s -> {
        Map<String, Long> counts = new LinkedHashMap<>();
        OWN_DATA.forEach((table, label) -> counts.put(label, s.createNativeQuery(
            "select count(*) from " + table, Long.class).getSingleResult()));
        return counts;
      });
      rows.values().removeIf(n -> n == 0);
      if (!rows.isEmpty()) {
        String held = rows.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
            .collect(Collectors.joining(", "));
        throw CliException.badInput("thư mục dữ liệu " + dataDir.toAbsolutePath().normalize() + " đã có dữ liệu "
            + "không do bản chạy thử tạo ra (" + held + "); demo nhập danh mục mẫu và thu thập vào cơ sở dữ liệu "
            + "nên không chạy ở đây: chọn một thư mục khác, ví dụ --data ./demo-data (hoặc HARVESTER_HOME)");
      }
    }
    try {
      Files.createDirectories(marker.getParent());
      Files.writeString(marker, "Dữ liệu của bản chạy thử (demo), tạo ngày "
          + RegistryFormats.DATE.format(now.atZone(Settings.ZONE)) + ". Xóa cả thư mục này để chạy lại từ đầu.\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo marker " + marker + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the demo admin with a random password when it does not exist, and says so; returns that password,
   * which is stored nowhere in clear. An existing user keeps its password: the message says how to set a new one.
   */
  static Optional<String> ensureUser(Database db, Path dataDir, Instant now, PrintWriter out) {
    Optional<String> created = db.inTransaction(s -> {
      if (Users.find(s, DemoCommand.USER).isPresent()) {
        return Optional.empty();
      }
      String password = randomPassword();
      Users.add(s, DemoCommand.USER, Role.ADMIN, password.toCharArray(), "demo", now);
      return Optional.of(password);
    });
    if (created.isPresent()) {
      out.printf(Locale.ROOT, "Đã tạo tài khoản mẫu '%s' (quản trị), mật khẩu ngẫu nhiên: %s — hãy ghi lại: mật "
          + "khẩu chỉ in ra lần này, cơ sở dữ liệu chỉ giữ bản băm bcrypt.%n", DemoCommand.USER, created.get());
    } else {
      out.printf(Locale.ROOT, "Tài khoản mẫu '%s' đã có từ lần chạy trước (mật khẩu đã in ở lần chạy đầu). %s%n",
          DemoCommand.USER, resetHint(dataDir));
    }
    return created;
  }

  static String loginLine(Optional<String> password, Path dataDir) {
    return password.map(p -> "Đăng nhập (login): tài khoản " + DemoCommand.USER + ", mật khẩu " + p)
        .orElseGet(() -> "Đăng nhập (login): tài khoản " + DemoCommand.USER + ", mật khẩu đã in ở lần chạy đầu. "
            + resetHint(dataDir));
  }

  private static String resetHint(Path dataDir) {
    return "Quên mật khẩu: java -jar harvester/target/harvester.jar --data " + dataDir.toAbsolutePath().normalize()
        + " users password " + DemoCommand.USER + " (đặt mật khẩu mới).";
  }

  /** Four groups of four letters and digits without look-alikes (no l, o, 0, 1): about 80 bits. */
  static String randomPassword() {
    while (true) {
      StringBuilder b = new StringBuilder(19);
      for (int i = 0; i < 16; i++) {
        if (i > 0 && i % 4 == 0) {
          b.append('-');
        }
        b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      String p = b.toString();
      if (PasswordRules.check(DemoCommand.USER, p.toCharArray()).isEmpty()) {
        return p;
      }
    }
  }
}
