package vn.minhchung.review.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {

  @ParameterizedTest(name = "{1} → {2}")
  @CsvSource({
      "canbo, ngan-qua, quá ngắn",
      "canbo, aaaaaaaaaaaa, một ký tự",
      "nguyen.van.an, Nguyen.Van.An, trùng tên đăng nhập",
      "canbo, 1234567890, quá phổ biến",
      "canbo, Password123, quá phổ biến",
      "canbo, MatKhau@123, quá phổ biến",
  })
  void refusesWeakPasswordsWithAVietnameseReason(String user, String password, String reason) {
    assertThat(PasswordRules.check(user, password.toCharArray())).get()
        .extracting(PasswordRules.WeakPassword::vietnamese).asString().contains(reason);
  }

  @Test
  void refusesMoreThan72BytesBeforeBcryptCountingVietnameseMarksAsBytes() {
    // 30 letters with marks are 30 characters but more than 72 bytes in UTF-8.
    String marks = "ệ".repeat(30);
    assertThat(PasswordRules.check("canbo", marks.toCharArray())).get()
        .extracting(Throwable::getMessage).asString().contains("at most 72 bytes");
    assertThat(PasswordRules.check("canbo", "x".repeat(72).concat("y").toCharArray())).isPresent();
    assertThat(PasswordRules.check("canbo", "Bắc Ninh số hoá 2026!".toCharArray())).isEmpty();
  }
}
