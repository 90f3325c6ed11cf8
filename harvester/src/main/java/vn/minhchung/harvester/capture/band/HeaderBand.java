package vn.minhchung.harvester.capture.band;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Burns a header band with the capture's facts above a screenshot. Java2D with Noto Sans (Debian package
 * {@code fonts-noto-core}): the band then looks the same whatever fonts the captured page used.
 */
public final class HeaderBand {
  private static final List<Path> REGULAR = List.of(Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
      Path.of("/usr/share/fonts/noto/NotoSans-Regular.ttf"));
  private static final List<Path> BOLD = List.of(Path.of("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
      Path.of("/usr/share/fonts/noto/NotoSans-Bold.ttf"));
  private static final Color BACKGROUND = new Color(0x0B, 0x2E, 0x59);
  private static final Color ACCENT = new Color(0xC8, 0x10, 0x2E);
  private static final int MIN_WIDTH = 900;
  private static final int PAD = 16;
  private static final float SIZE = 17f;

  private final Font regular;
  private final Font bold;

  private HeaderBand(Font regular, Font bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** Loads Noto Sans; fails with the install command when it is missing (other fonts lack Vietnamese marks). */
  public static HeaderBand load() {
    return new HeaderBand(font(REGULAR).deriveFont(SIZE), font(BOLD).deriveFont(SIZE + 2));
  }

  /**
   * The screenshot with the band above it. {@code title} is the first (bold) line; each of {@code lines} is
   * a label and a value, wrapped to the image width.
   */
  public byte[] burn(byte[] png, String title, List<String[]> lines) {
    BufferedImage shot = read(png);
    int width = Math.max(shot.getWidth(), MIN_WIDTH);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    List<String[]> wrapped = new ArrayList<>();
    for (String[] l : lines) {
      wrap(pg.getFontMetrics(bold.deriveFont(SIZE)), pg.getFontMetrics(regular), l[0], l[1], width - 2 * PAD)
          .forEach(wrapped::add);
    }
    int lineHeight = pg.getFontMetrics(regular).getHeight() + 4;
    int titleHeight = pg.getFontMetrics(bold).getHeight() + 8;
    pg.dispose();
    int bandHeight = PAD + titleHeight + wrapped.size() * lineHeight + PAD + 4;

    BufferedImage out = new BufferedImage(width, bandHeight + shot.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, out.getHeight());
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, bandHeight - 4);
    g.setColor(ACCENT);
    g.fillRect(0, bandHeight - 4, width, 4);
    g.setColor(Color.WHITE);
    g.setFont(bold);
    int y = PAD + g.getFontMetrics().getAscent();
    g.drawString(title, PAD, y);
    y += titleHeight;
    for (String[] l : wrapped) {
      int x = PAD;
      if (!l[0].isEmpty()) {
        g.setFont(bold.deriveFont(SIZE));
        g.setColor(new Color(0xB8, 0xD4, 0xF5));
        g.drawString(l[0], x, y);
        x += g.getFontMetrics().stringWidth(l[0]);
      } else {
        x += g.getFontMetrics(bold.deriveFont(SIZE)).stringWidth(l[2]);
      }
      g.setFont(regular);
      g.setColor(Color.WHITE);
      g.drawString(l[1], x, y);
      y += lineHeight;
    }
    g.drawImage(shot, 0, bandHeight, null);
    g.dispose();
    return write(out);
  }

  /** Splits a value over lines of at most {@code max} pixels; continuation lines are indented past the label. */
  private static List<String[]> wrap(FontMetrics labelFm, FontMetrics fm, String label, String value, int max) {
    List<String[]> out = new ArrayList<>();
    int labelWidth = labelFm.stringWidth(label);
    String rest = value;
    boolean first = true;
    while (!rest.isEmpty()) {
      int room = max - labelWidth;
      int cut = rest.length();
      while (cut > 1 && fm.stringWidth(rest.substring(0, cut)) > room) {
        cut--;
      }
      out.add(new String[] {first ? label : "", rest.substring(0, cut), label});
      rest = rest.substring(cut);
      first = false;
    }
    if (out.isEmpty()) {
      out.add(new String[] {label, "", label});
    }
    return out;
  }

  private static Font font(List<Path> candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        try {
          return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
        } catch (FontFormatException | IOException e) {
          throw new IllegalStateException("cannot load font " + p + ": " + e.getMessage(), e);
        }
      }
    }
    throw new IllegalStateException("Noto Sans not found at " + candidates
        + "; install it with: apt-get install -y fonts-noto-core");
  }

  private static BufferedImage read(byte[] png) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      if (img == null) {
        throw new IllegalArgumentException("the screenshot is not a PNG the JDK can read");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the screenshot: " + e.getMessage(), e);
    }
  }

  private static byte[] write(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the screenshot: " + e.getMessage(), e);
    }
  }
}
