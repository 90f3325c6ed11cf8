package vn.minhchung.harvester.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.minhchung.config.text.VietnameseText;

/**
 * Decides the charset of an HTML page and decodes it to NFC text. Order: byte-order mark, the HTTP
 * {@code Content-Type} charset (unless the bytes are not valid in it), {@code <meta charset>} /
 * {@code <meta http-equiv="Content-Type">}, UTF-8 when the bytes are valid UTF-8, else windows-1258 (the
 * Vietnamese Windows code page of older portals). Pure.
 */
public final class HtmlCharset {
  private HtmlCharset() {}

  /** What was decided and why ("bom", "header", "meta", "utf-8-valid", "fallback"). */
  public record Decoded(String text, Charset charset, String source) {}

  public static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
  private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final int META_SCAN_BYTES = 8192;

  public static Decoded decode(byte[] body, String contentType) {
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return decoded(body, 3, StandardCharsets.UTF_8, "bom");
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return decoded(body, 2, StandardCharsets.UTF_16BE, "bom");
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return decoded(body, 2, StandardCharsets.UTF_16LE, "bom");
    }
    Optional<Charset> header = charsetIn(HEADER_CHARSET, contentType);
    Optional<String> text = header.flatMap(cs -> strictly(body, cs));
    if (text.isPresent()) {
      return new Decoded(VietnameseText.nfc(text.get()), header.get(), "header");
    }
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Optional<Charset> meta = charsetIn(META_CHARSET, head);
    text = meta.flatMap(cs -> strictly(body, cs));
    if (text.isPresent()) {
      return new Decoded(VietnameseText.nfc(text.get()), meta.get(), "meta");
    }
    text = strictly(body, StandardCharsets.UTF_8);
    if (text.isPresent()) {
      return new Decoded(VietnameseText.nfc(text.get()), StandardCharsets.UTF_8, "utf-8-valid");
    }
    return decoded(body, 0, WINDOWS_1258, "fallback");
  }

  private static Decoded decoded(byte[] body, int offset, Charset cs, String source) {
    // windows-1258 writes tones as combining marks; stored text is NFC.
    String text = VietnameseText.nfc(new String(body, offset, body.length - offset, cs));
    return new Decoded(text, cs, source);
  }

  /** The text when every byte is valid in the charset (decoded once), else empty. */
  private static Optional<String> strictly(byte[] body, Charset cs) {
    try {
      return Optional.of(cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<Charset> charsetIn(Pattern p, String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    // Browsers read these labels as windows-1252 (WHATWG Encoding); pages that say so usually mean it.
    if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
      name = "windows-1252";
    }
    try {
      return Optional.of(Charset.forName(name));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
