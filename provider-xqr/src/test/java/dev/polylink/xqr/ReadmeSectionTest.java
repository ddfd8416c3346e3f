package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.spi.CapabilityTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README section's capability table is the one {@link XqrClient#CAPABILITIES} renders. */
class ReadmeSectionTest {
  @Test
  void theCapabilityTableMatchesTheCode() throws IOException {
    String readme = Files.readString(Path.of("README-section.md"), StandardCharsets.UTF_8);
    String table = CapabilityTable.markdown(XqrClient.CAPABILITIES);
    assertTrue(readme.contains(table), "README-section.md must contain, verbatim:\n" + table);
  }
}
