package dev.polylink.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Capabilities;
import dev.polylink.core.internal.CapabilityTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps documentation from drifting away from {@link Capabilities}. */
public final class ReadmeAssertions {
  private ReadmeAssertions() {}

  /** The file contains, verbatim, the table {@link CapabilityTable#markdown} renders. */
  public static void assertContainsCapabilityTable(Path readme, Capabilities capabilities) {
    String table = CapabilityTable.markdown(capabilities);
    assertTrue(read(readme).contains(table), readme + " must contain, verbatim:\n" + table);
  }

  /** The file's text. */
  public static String read(Path readme) {
    try {
      return Files.readString(readme, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
