package dev.polylink.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one fixture loader: the vendors' documented request and response bodies, kept verbatim under
 * {@code src/test/resources/fixtures/} of each provider module.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The text (UTF-8) of {@code fixtures/<name>} on the test class path.
   *
   * @throws IllegalArgumentException when there is no such fixture
   */
  public static String read(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader != null
        ? loader.getResourceAsStream("fixtures/" + name)
        : Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
