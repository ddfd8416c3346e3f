package dev.polylink.snipurl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.spi.CapabilityTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README section shows the capability table exactly as the code renders it. */
class ReadmeSectionTest {
  @Test
  void theReadmeSectionContainsTheCapabilityTable() throws Exception {
    String readme = Files.readString(Path.of("README-section.md"), StandardCharsets.UTF_8);
    String table = CapabilityTable.markdown(SnipurlClient.CAPABILITIES);
    assertTrue(readme.contains(table), "README-section.md must contain, verbatim:\n" + table);
  }
}
