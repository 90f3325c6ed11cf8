package vn.minhchung.review.auth;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES} bytes in
 * UTF-8 (bcrypt ignores what follows, so a longer one is refused rather than silently cut), not the user name,
 * not one character repeated, and not one of the passwords every guessing list starts with.
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_BYTES = 72;
  private static final Set<String> COMMON = Set.of(
      "0123456789", "1234567890", "12345678910", "0987654321", "123456789a", "1234567890a", "a123456789",
      "abc1234567", "abcd123456", "aa123456789", "abc@123456", "admin@1234", "admin12345", "administrator",
      "qwertyuiop", "qwerty1234", "1qaz2wsx3edc", "1q2w3e4r5t", "password12", "password123", "password1234",
      "p@ssw0rd123", "passw0rd12", "iloveyou12", "matkhau123", "matkhau@123", "matkhau1234", "minhchung123",
      "minhchung@123", "khongbiet123", "12345678@abc");

  private PasswordRules() {}

  /** A password that breaks a rule: the message in English (command line) and in Vietnamese (web UI). */
  public static final class WeakPassword extends IllegalArgumentException {
    private final String vietnamese;

    WeakPassword(String english, String vietnamese) {
      super(english);
      this.vietnamese = vietnamese;
    }

    public String vietnamese() {
      return vietnamese;
    }
  }

  /** The first rule the password breaks, if any. */
  public static Optional<WeakPassword> check(String userName, char[] password) {
    String who = "the password for '" + userName + "'";
    if (password.length < MIN_LENGTH) {
      return Optional.of(new WeakPassword(who + " is too short: at least " + MIN_LENGTH + " characters",
          "Mật khẩu quá ngắn: cần ít nhất " + MIN_LENGTH + " ký tự."));
    }
    if (utf8Length(password) > MAX_BYTES) {
      return Optional.of(new WeakPassword(who + " is too long: at most " + MAX_BYTES
          + " bytes in UTF-8 (bcrypt ignores the rest); a letter with Vietnamese marks takes 2-3 bytes",
          "Mật khẩu quá dài: tối đa " + MAX_BYTES + " byte (chữ có dấu tiếng Việt chiếm 2–3 byte)."));
    }
    String folded = new String(password).toLowerCase(Locale.ROOT);
    if (folded.equals(userName.toLowerCase(Locale.ROOT))) {
      return Optional.of(new WeakPassword(who + " is the user name; choose another",
          "Mật khẩu không được trùng tên đăng nhập."));
    }
    if (folded.chars().distinct().count() == 1) {
      return Optional.of(new WeakPassword(who + " repeats one character; choose another",
          "Mật khẩu không được chỉ lặp lại một ký tự."));
    }
    if (COMMON.contains(folded)) {
      return Optional.of(new WeakPassword(who + " is one of the most common passwords; choose another",
          "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác."));
    }
    return Optional.empty();
  }

  /** Bytes of the password in UTF-8, without leaving a copy in a String. */
  static int utf8Length(char[] password) {
    var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    int n = bytes.remaining();
    java.util.Arrays.fill(bytes.array(), (byte) 0);
    return n;
  }
}
