package dev.polylink.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * The QR images read back as a PNG decoder and an SVG reader would: every chunk's length and
 * CRC-32, the IHDR fields, the inflated scanlines, and the 21 x 21 module grid (three finder
 * squares, the other modules the bits of the URL's SHA-256, least significant bit first).
 */
class QrImagesTest {
  private static final String URL = "https://sho.rt/abc123";

  @Test
  void thePngIsAValidGrayscaleImageOfTheGrid() throws Exception {
    for (int pixels : new int[] {21, 84, 50}) {
      byte[] png = QrImages.png(URL, pixels);
      ByteBuffer in = ByteBuffer.wrap(png);
      byte[] signature = new byte[8];
      in.get(signature);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature);
      List<String> types = new ArrayList<>();
      List<byte[]> datas = new ArrayList<>();
      while (in.hasRemaining()) {
        int length = in.getInt();
        byte[] type = new byte[4];
        in.get(type);
        byte[] data = new byte[length];
        in.get(data);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        assertEquals((int) crc.getValue(), in.getInt(), "CRC of " + new String(type, StandardCharsets.US_ASCII));
        types.add(new String(type, StandardCharsets.US_ASCII));
        datas.add(data);
      }
      assertEquals(List.of("IHDR", "IDAT", "IEND"), types);
      assertArrayEquals(ByteBuffer.allocate(13).putInt(pixels).putInt(pixels).put(new byte[] {8, 0, 0, 0, 0}).array(),
          datas.get(0));
      assertEquals(0, datas.get(2).length);

      Inflater inflater = new Inflater();
      inflater.setInput(datas.get(1));
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        assertTrue(n > 0 || inflater.finished(), "truncated IDAT");
        raw.write(buffer, 0, n);
      }
      inflater.end();
      byte[] scanlines = raw.toByteArray();
      assertEquals(pixels * (pixels + 1), scanlines.length);
      boolean[][] grid = expectedGrid(URL);
      for (int y = 0; y < pixels; y++) {
        assertEquals(0, scanlines[y * (pixels + 1)], "filter byte of row " + y);
        for (int x = 0; x < pixels; x++) {
          boolean dark = grid[y * 21 / pixels][x * 21 / pixels];
          assertEquals(dark ? 0 : 0xFF, scanlines[y * (pixels + 1) + 1 + x] & 0xFF, "pixel " + x + "," + y);
        }
      }
    }
  }

  @Test
  void theSvgDrawsEachDarkModuleOnceOverTheBackground() throws Exception {
    String content = "https://sho.rt/a?b=1&c=<2>";
    String svg = new String(QrImages.svg(content, 200, "#112233", "#ffffff"), StandardCharsets.UTF_8);
    String escaped = "https://sho.rt/a?b=1&amp;c=&lt;2&gt;";
    String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\" viewBox=\"0 0 21 21\" data-content=\""
        + escaped + "\">\n<title>" + escaped + "</title>\n";
    String start = head + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<rect x=";
    assertEquals(start, svg.substring(0, start.length()));
    assertTrue(svg.endsWith("\"/>\n</svg>\n"), svg);
    assertEquals(modules(expectedGrid(content)), modules(svg, "#112233"));

    String transparent = new String(QrImages.svg(URL, 84, "black", "transparent"), StandardCharsets.UTF_8);
    assertTrue(!transparent.contains("width=\"100%\""), transparent);
    assertEquals(modules(expectedGrid(URL)), modules(transparent, "black"));
  }

  @Test
  void theFinderSquaresSitInThreeCorners() throws Exception {
    boolean[][] grid = expectedGrid("x");
    String svg = new String(QrImages.svg("x", 21, "k", "transparent"), StandardCharsets.UTF_8);
    List<String> drawn = modules(svg, "k");
    for (int[] corner : new int[][] {{0, 0}, {14, 0}, {0, 14}}) {
      for (int y = 0; y < 7; y++) {
        for (int x = 0; x < 7; x++) {
          boolean dark = x == 0 || y == 0 || x == 6 || y == 6 || (x >= 2 && x <= 4 && y >= 2 && y <= 4);
          assertEquals(dark, drawn.contains((corner[0] + x) + "," + (corner[1] + y)), "module " + x + "," + y);
          assertEquals(dark, grid[corner[1] + y][corner[0] + x]);
        }
      }
    }
    assertEquals(modules(grid), drawn);
  }

  /** The grid as the class documents it, built independently of it. */
  private static boolean[][] expectedGrid(String content) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
    boolean[][] grid = new boolean[21][21];
    for (int i = 0; i < 441; i++) {
      int bit = i % 256;
      grid[i / 21][i % 21] = (hash[bit / 8] & (1 << (bit % 8))) != 0;
    }
    for (int[] corner : new int[][] {{0, 0}, {14, 0}, {0, 14}}) {
      for (int y = 0; y < 7; y++) {
        for (int x = 0; x < 7; x++) {
          boolean ring = x == 0 || y == 0 || x == 6 || y == 6;
          boolean core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
          grid[corner[1] + y][corner[0] + x] = ring || core;
        }
      }
    }
    return grid;
  }

  private static List<String> modules(boolean[][] grid) {
    List<String> out = new ArrayList<>();
    for (int y = 0; y < 21; y++) {
      for (int x = 0; x < 21; x++) {
        if (grid[y][x]) {
          out.add(x + "," + y);
        }
      }
    }
    return out;
  }

  private static List<String> modules(String svg, String color) {
    Matcher m = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"1\" height=\"1\" fill=\""
        + Pattern.quote(color) + "\"/>\n").matcher(svg);
    List<String> out = new ArrayList<>();
    int count = 0;
    while (m.find()) {
      out.add(m.group(1) + "," + m.group(2));
      count++;
    }
    assertEquals(count, svg.split("<rect x=", -1).length - 1, "every module rect has the colour");
    assertEquals(out.size(), Arrays.stream(out.toArray()).distinct().count());
    return out;
  }
}
