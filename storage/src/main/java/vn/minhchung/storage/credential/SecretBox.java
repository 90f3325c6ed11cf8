package vn.minhchung.storage.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.minhchung.config.settings.Settings;

/**
 * Seals secrets at rest with AES-256-GCM. The key comes from {@code HARVESTER_SECRET_KEY} (setting
 * {@code secretKey}: 32 bytes in base64) or from {@code DATA/secret.key}, created owner-only on first use. A sealed
 * value is {@code v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>}; the key id (first bytes of the key's SHA-256)
 * lets a wrong key be reported as such instead of as corrupt data. The row it belongs to is bound in as
 * associated data, so a sealed token copied onto another account does not open.
 */
public final class SecretBox {
  static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String keyId;
  private final String source;

  SecretBox(byte[] key, String source) {
    if (key.length != 32) {
      throw new SecretKeyException(source + ": khóa bí mật phải dài 32 byte (mã hóa base64) nhưng có " + key.length
          + " byte; tạo khóa mới bằng: openssl rand -base64 32");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.keyId = keyId(key);
    this.source = source;
  }

  /** The box of this installation: {@code secretKey} when set, else the key file under the data directory. */
  public static SecretBox fromSettings(Settings settings) {
    Optional<String> configured = settings.get("secretKey");
    if (configured.isPresent()) {
      return new SecretBox(decode(configured.get(), "HARVESTER_SECRET_KEY"), "HARVESTER_SECRET_KEY");
    }
    return fromKeyFile(settings.dataDir().resolve("secret.key"));
  }

  /** Reads the key file, or creates it (0600, 32 random bytes) when it does not exist yet. */
  public static SecretBox fromKeyFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      return new SecretBox(decode(text, file.toString()), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read or create the secret key file", e);
    }
  }

  /** Writes a new key atomically and without replacing one another process created meanwhile. */
  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    try {
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException raced) {
      // Another process made the key first: use theirs.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] decode(String text, String source) {
    String t = text.strip();
    try {
      return t.contains("-") || t.contains("_") ? Base64.getUrlDecoder().decode(t) : Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new SecretKeyException(source + ": khóa bí mật không phải base64 (" + e.getMessage()
          + "); tạo khóa mới bằng: openssl rand -base64 32");
    }
  }

  /** A short public name of the key, shown in errors so staff can tell which key sealed what. */
  public String keyId() {
    return keyId;
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /** Seals {@code plaintext} for the row named by {@code context}. */
  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + ct.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(ct, 0, out, nonce.length, ct.length);
      return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Opens a value sealed by {@link #seal} for the same context.
   * @throws SecretKeyException when it was sealed with another key or has been altered
   */
  public String open(String sealed, String context) {
    if (!isSealed(sealed)) {
      throw new SecretKeyException(context + ": giá trị không được mã hóa theo định dạng " + PREFIX);
    }
    int colon = sealed.indexOf(':', PREFIX.length());
    String sealedKeyId = colon < 0 ? "" : sealed.substring(PREFIX.length(), colon);
    if (!sealedKeyId.equals(keyId)) {
      throw new SecretKeyException(context + ": được mã hóa bằng khóa " + sealedKeyId + " nhưng khóa hiện tại ("
          + source + ") là " + keyId + ". Đặt lại khóa cũ (HARVESTER_SECRET_KEY hoặc DATA/secret.key), hoặc kết nối lại"
          + " tài khoản (lệnh 'credentials set' hoặc trang Tài khoản kết nối): mất khóa thì phải kết nối lại.");
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new SecretKeyException(context + ": dữ liệu mã hóa bị hỏng hoặc bị sửa; cần kết nối lại tài khoản");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static String keyId(byte[] key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "SecretBox[key " + keyId + " from " + source + "]";
  }
}
