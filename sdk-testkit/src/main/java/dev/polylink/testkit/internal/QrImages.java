package dev.polylink.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The emulators' QR images: valid SVG and PNG files standing for a short URL, not scannable QR
 * codes (the vendors' docs allow any image here, and a real encoder would be a dependency for no
 * test's benefit). A 21 x 21 module grid (the size of a version-1 code) is filled from the SHA-256
 * of the URL, so the same URL always gives the same image; the SVG also carries the URL in its
 * {@code <title>} and a {@code data-content} attribute, which tests read back.
 */
public final class QrImages {
  /** Modules per side. */
  public static final int MODULES = 21;

  private QrImages() {}

  /** An SVG of {@code pixels} x {@code pixels} for {@code content}. */
  public static byte[] svg(String content, int pixels, String color, String background) {
    boolean[][] grid = grid(content);
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(pixels).append("\" height=\"")
        .append(pixels).append("\" viewBox=\"0 0 ").append(MODULES).append(' ').append(MODULES)
        .append("\" data-content=\"").append(Html.escape(content)).append("\">\n")
        .append("<title>").append(Html.escape(content)).append("</title>\n");
    if (!"transparent".equals(background)) {
      sb.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(Html.escape(background)).append("\"/>\n");
    }
    for (int y = 0; y < MODULES; y++) {
      for (int x = 0; x < MODULES; x++) {
        if (grid[y][x]) {
          sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\" fill=\"")
              .append(Html.escape(color)).append("\"/>\n");
        }
      }
    }
    return sb.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A PNG of {@code pixels} x {@code pixels} for {@code content}, black on white: an 8-bit grayscale
   * image written by hand (signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC-32), so the
   * test kit needs no {@code java.desktop} module.
   */
  public static byte[] png(String content, int pixels) {
    boolean[][] grid = grid(content);
    byte[] raw = new byte[pixels * (pixels + 1)];
    int at = 0;
    for (int y = 0; y < pixels; y++) {
      raw[at++] = 0; // filter: none
      for (int x = 0; x < pixels; x++) {
        raw[at++] = grid[y * MODULES / pixels][x * MODULES / pixels] ? 0 : (byte) 0xFF;
      }
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      compressed.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    ByteBuffer header = ByteBuffer.allocate(13).putInt(pixels).putInt(pixels)
        .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit gray, no interlace
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", header.array());
    chunk(out, "IDAT", compressed.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static boolean[][] grid(String content) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    boolean[][] grid = new boolean[MODULES][MODULES];
    for (int i = 0; i < MODULES * MODULES; i++) {
      int bit = i % (hash.length * 8);
      grid[i / MODULES][i % MODULES] = ((hash[bit / 8] >> (bit % 8)) & 1) == 1;
    }
    finder(grid, 0, 0);
    finder(grid, MODULES - 7, 0);
    finder(grid, 0, MODULES - 7);
    return grid;
  }

  /** The three 7 x 7 corner squares that make it look like a QR code. */
  private static void finder(boolean[][] grid, int left, int top) {
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 7; x++) {
        boolean ring = x == 0 || y == 0 || x == 6 || y == 6;
        boolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
        grid[top + y][left + x] = ring || core;
      }
    }
  }
}
