package vn.minhchung.review.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small PNG previews for index.html, and the proof images of the DOCX appendix. The source is decoded with
 * subsampling (and, for proofs, a region) chosen from its header, so a tall full-page screenshot never needs its
 * full raster in memory.
 */
final class Thumbnails {
  static final int MAX_WIDTH = 240;
  static final int MAX_HEIGHT = 180;

  private Thumbnails() {}

  /** A small PNG with its size, or empty when the stream is not an image ImageIO can read. */
  record Thumb(byte[] png, int width, int height) {}

  /** Widest proof image placed in the DOCX, in pixels (16 cm of text width at about 250 dpi). */
  static final int PROOF_MAX_WIDTH = 1600;
  /** Tallest proof relative to its width: 16 × 21.6 cm fits an A4 page below the evidence's text. */
  static final double PROOF_MAX_ASPECT = 1.35;

  /**
   * The image placed at full text width in the appendix: the screenshot with its header band as stored when it
   * fits ({@code cropped} false, the bytes copied as they are), else its top part, starting with the band, at most
   * {@link #PROOF_MAX_ASPECT} times as tall as wide and {@link #PROOF_MAX_WIDTH} wide, as PNG.
   */
  record Proof(byte[] bytes, String extension, int width, int height, boolean cropped) {}

  /** Opens the image again: the header is read once, the bytes a second time only when they are used. */
  interface Source {
    InputStream open() throws IOException;
  }

  static Optional<Proof> proof(Source source) throws IOException {
    int w;
    int h;
    String format;
    try (InputStream in = source.open(); ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        w = reader.getWidth(0);
        h = reader.getHeight(0);
        format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        int maxHeight = (int) Math.floor(w * PROOF_MAX_ASPECT);
        boolean asIs = w <= PROOF_MAX_WIDTH && h <= maxHeight && (format.equals("png") || format.equals("jpeg"));
        if (!asIs) {
          int step = Math.max(1, (int) Math.ceil((double) w / PROOF_MAX_WIDTH));
          ImageReadParam p = reader.getDefaultReadParam();
          p.setSourceRegion(new java.awt.Rectangle(0, 0, w, Math.min(h, maxHeight)));
          p.setSourceSubsampling(step, step, 0, 0);
          BufferedImage top = reader.read(0, p);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(opaque(top), "png", ios);
          }
          return Optional.of(new Proof(out.toByteArray(), "png", top.getWidth(), top.getHeight(), h > maxHeight));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      } finally {
        reader.dispose();
      }
    }
    try (InputStream in = source.open()) {
      return Optional.of(new Proof(in.readAllBytes(), format.equals("jpeg") ? "jpeg" : "png", w, h, false));
    }
  }

  private static BufferedImage opaque(BufferedImage src) {
    if (src.getType() == BufferedImage.TYPE_INT_RGB || src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return src;
    }
    BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  static Optional<Thumb> of(InputStream in) throws IOException {
    // Memory-cached streams: ImageIO's default caches every image in a temporary file.
    try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        int step = Math.max(1, Math.min(w / MAX_WIDTH, h / MAX_HEIGHT) / 2);
        ImageReadParam p = reader.getDefaultReadParam();
        p.setSourceSubsampling(step, step, 0, 0);
        return Optional.of(scale(reader.read(0, p)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      } finally {
        reader.dispose();
      }
    }
  }

  private static Thumb scale(BufferedImage src) throws IOException {
    double f = Math.min(1.0, Math.min((double) MAX_WIDTH / src.getWidth(), (double) MAX_HEIGHT / src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * f));
    int h = Math.max(1, (int) Math.round(src.getHeight() * f));
    BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = dst.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.drawImage(src, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      ImageIO.write(dst, "png", ios);
    }
    return new Thumb(out.toByteArray(), w, h);
  }
}
