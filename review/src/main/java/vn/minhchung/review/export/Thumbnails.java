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
 * Small PNG previews for index.html and the DOCX. The source is decoded with subsampling chosen from its
 * header, so a tall full-page screenshot never needs its full raster in memory.
 */
final class Thumbnails {
  static final int MAX_WIDTH = 240;
  static final int MAX_HEIGHT = 180;

  private Thumbnails() {}

  /** A small PNG with its size, or empty when the stream is not an image ImageIO can read. */
  record Thumb(byte[] png, int width, int height) {}

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
