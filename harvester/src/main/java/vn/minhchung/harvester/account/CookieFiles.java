package vn.minhchung.harvester.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the cookie files people export from a logged-in browser, as plain records: a Playwright storage state
 * ({@code {"cookies":[…],"origins":[…]}}), a Netscape {@code cookies.txt} (tab-separated, {@code #HttpOnly_}
 * prefix), or the JSON array that cookie-export extensions write (Cookie-Editor, EditThisCookie:
 * {@code domain, name, value, path, expirationDate, hostOnly, httpOnly, secure, sameSite, session, storeId}).
 * Every cookie remembers where in the file it was (line or entry) so errors can name it. Pure: no I/O.
 */
public final class CookieFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CookieFiles() {}

  /** The formats, as stored in {@code browser_session.source_format}. */
  public enum Format {
    PLAYWRIGHT("playwright", "Playwright storage state"),
    NETSCAPE("netscape", "Netscape cookies.txt"),
    EXTENSION("extension", "JSON của tiện ích xuất cookie (Cookie-Editor / EditThisCookie)");

    private final String code;
    private final String label;

    Format(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }
  }

  /**
   * One cookie. {@code expires} is epoch seconds, -1 for a session cookie; {@code sameSite} is Playwright's
   * {@code Strict}, {@code Lax} or {@code None}; {@code where} is "dòng 7" or "mục 3".
   */
  public record Cookie(String name, String value, String domain, String path, long expires, boolean httpOnly,
      boolean secure, String sameSite, String where) {
    @Override
    public String toString() {
      return "Cookie[" + name + " @ " + domain + ", value masked]";
    }
  }

  public record Parsed(Format format, List<Cookie> cookies) {}

  /** The file is not one of the formats, or an entry in it is broken; the message names the file and place. */
  public static final class BadCookieFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadCookieFileException(String message) {
      super(message);
    }
  }

  /** Reads {@code bytes} (UTF-8) named {@code source} in messages; the format is recognised from the content. */
  public static Parsed parse(byte[] bytes, String source) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String t = text.strip();
    if (t.isEmpty()) {
      throw new BadCookieFileException(source + ": tệp rỗng; cần tệp cookie xuất từ trình duyệt đang đăng nhập"
          + " (the file is empty)");
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      JsonNode root;
      try {
        root = JSON.readTree(t);
      } catch (JsonProcessingException e) {
        throw new BadCookieFileException(source + ": dòng " + e.getLocation().getLineNr() + ": JSON không hợp lệ ("
            + e.getOriginalMessage() + ")");
      }
      if (root.isArray()) {
        return new Parsed(Format.EXTENSION, extension((ArrayNode) root, source));
      }
      if (root.path("cookies").isArray()) {
        return new Parsed(Format.PLAYWRIGHT, playwright((ArrayNode) root.path("cookies"), source));
      }
      throw new BadCookieFileException(source + ": JSON không phải storage state của Playwright (thiếu mảng"
          + " \"cookies\") cũng không phải mảng cookie của tiện ích xuất cookie");
    }
    return new Parsed(Format.NETSCAPE, netscape(text, source));
  }

  private static List<Cookie> playwright(ArrayNode cookies, String source) {
    List<Cookie> out = new ArrayList<>();
    for (int i = 0; i < cookies.size(); i++) {
      JsonNode c = cookies.get(i);
      String where = "mục " + (i + 1) + " của \"cookies\"";
      out.add(new Cookie(text(c, "name", source, where), text(c, "value", source, where),
          text(c, "domain", source, where), c.path("path").asText("/"),
          c.path("expires").isNumber() && c.path("expires").asDouble() > 0 ? (long) c.path("expires").asDouble() : -1,
          c.path("httpOnly").asBoolean(false), c.path("secure").asBoolean(false),
          sameSite(c.path("sameSite").asText(""), c.path("secure").asBoolean(false)), where));
    }
    return out;
  }

  private static List<Cookie> extension(ArrayNode cookies, String source) {
    List<Cookie> out = new ArrayList<>();
    for (int i = 0; i < cookies.size(); i++) {
      JsonNode c = cookies.get(i);
      String where = "mục " + (i + 1);
      if (!c.isObject()) {
        throw new BadCookieFileException(source + ": " + where + ": mỗi phần tử phải là một cookie"
            + " {domain, name, value, …}");
      }
      boolean session = c.path("session").asBoolean(false) || !c.path("expirationDate").isNumber();
      out.add(new Cookie(text(c, "name", source, where), text(c, "value", source, where),
          text(c, "domain", source, where), c.path("path").asText("/"),
          session ? -1 : (long) c.path("expirationDate").asDouble(), c.path("httpOnly").asBoolean(false),
          c.path("secure").asBoolean(false), sameSite(c.path("sameSite").asText(""), c.path("secure").asBoolean(false)),
          where));
    }
    return out;
  }

  private static List<Cookie> netscape(String text, String source) {
    List<Cookie> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = "dòng " + (i + 1);
      boolean httpOnly = false;
      if (line.startsWith("#HttpOnly_")) {
        httpOnly = true;
        line = line.substring("#HttpOnly_".length());
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        throw new BadCookieFileException(source + ": " + where + ": cần 7 cột cách nhau bằng tab (domain, cờ tên"
            + " miền con, path, secure, hết hạn, tên, giá trị) nhưng có " + f.length + "; tệp không phải cookies.txt"
            + " (Netscape) hợp lệ");
      }
      long expires;
      try {
        expires = Long.parseLong(f[4].strip());
      } catch (NumberFormatException e) {
        throw new BadCookieFileException(source + ": " + where + ": cột hết hạn phải là số giây (epoch) nhưng là '"
            + f[4] + "'");
      }
      boolean secure = f[3].strip().equalsIgnoreCase("TRUE");
      if (f[5].isBlank()) {
        throw new BadCookieFileException(source + ": " + where + ": cookie không có tên");
      }
      out.add(new Cookie(f[5].strip(), f[6].strip(), f[0].strip(), f[2].isBlank() ? "/" : f[2].strip(),
          expires <= 0 ? -1 : expires, httpOnly, secure, secure ? "None" : "Lax", where));
    }
    return out;
  }

  private static String text(JsonNode c, String field, String source, String where) {
    JsonNode n = c.get(field);
    if (n == null || !n.isValueNode() || (field.equals("name") && n.asText().isBlank())) {
      throw new BadCookieFileException(source + ": " + where + ": thiếu trường \"" + field + "\" của cookie");
    }
    return n.asText();
  }

  /** Extension and Playwright spellings to Playwright's; an unspecified policy is Chromium's default, Lax. */
  private static String sameSite(String value, boolean secure) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "strict" -> "Strict";
      case "none", "no_restriction" -> secure ? "None" : "Lax";
      default -> "Lax";
    };
  }

  /** A Playwright storage state holding exactly these cookies and no origin storage. */
  public static String storageState(List<Cookie> cookies) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("cookies");
    for (Cookie c : cookies) {
      arr.addObject().put("name", c.name()).put("value", c.value()).put("domain", c.domain()).put("path", c.path())
          .put("expires", c.expires()).put("httpOnly", c.httpOnly()).put("secure", c.secure())
          .put("sameSite", c.sameSite());
    }
    root.putArray("origins");
    return root.toString();
  }
}
