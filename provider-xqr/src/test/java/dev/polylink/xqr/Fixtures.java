package dev.polylink.xqr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the documented request and response bodies under {@code src/test/resources/fixtures}. */
final class Fixtures {
  /** The key of xQR's documented examples: prefix {@code a1b2c3d4}, a 64-character secret. */
  static final String DOCUMENTED_KEY =
      "xqr_pk_a1b2c3d4.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

  /** The link id of xQR's documented examples. */
  static final String DOCUMENTED_ID = "d47f2e1a-8c3b-4a5d-9e6f-1234567890ab";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
