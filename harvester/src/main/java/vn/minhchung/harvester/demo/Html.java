package vn.minhchung.harvester.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers to write the demo pages: escaping, the page shell with a site's style sheet, placeholder images. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Text with line breaks kept, for post messages. */
  static String lines(String s) {
    return esc(s).replace("\n", "<br>");
  }

  /** A whole page: UTF-8, Vietnamese, the style sheet {@code /demo/css/NAME.css} inlined, extra head tags. */
  static String page(String title, String css, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title>" + head + "<style>" + resource("/demo/css/" + css + ".css")
        + "</style></head>\n<body>" + body + "</body></html>\n";
  }

  static String resource(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("demo resource " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo resource " + name, e);
    }
  }

  /** A placeholder picture: a coloured panel with a caption, stable per caption (no network, no binary files). */
  static String svg(String caption, int width, int height) {
    int hue = Math.floorMod(caption.hashCode(), 360);
    String c1 = "hsl(" + hue + ",62%,38%)";
    String c2 = "hsl(" + ((hue + 40) % 360) + ",70%,55%)";
    int size = Math.max(18, Math.min(44, width / Math.max(12, caption.length() / 2 + 6)));
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 "
        + width + " " + height + "\"><defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">"
        + "<stop offset=\"0\" stop-color=\"" + c1 + "\"/><stop offset=\"1\" stop-color=\"" + c2 + "\"/>"
        + "</linearGradient></defs><rect width=\"100%\" height=\"100%\" fill=\"url(#g)\"/>"
        + "<circle cx=\"" + width * 0.85 + "\" cy=\"" + height * 0.2 + "\" r=\"" + height * 0.35
        + "\" fill=\"#ffffff\" fill-opacity=\"0.12\"/>"
        + "<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"#fff\" "
        + "font-family=\"Arial, Helvetica, sans-serif\" font-weight=\"bold\" font-size=\"" + size + "\">"
        + esc(caption) + "</text></svg>";
  }
}
