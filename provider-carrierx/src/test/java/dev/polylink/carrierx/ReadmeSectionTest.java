package dev.polylink.carrierx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.spi.CapabilityTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README section's capability table is the one {@link CarrierxClient#CAPABILITIES} renders. */
class ReadmeSectionTest {
  @Test
  void theReadmeSectionShowsTheCapabilityTableVerbatim() throws IOException {
    String readme = Files.readString(Path.of("README-section.md"), StandardCharsets.UTF_8);
    String table = CapabilityTable.markdown(CarrierxClient.CAPABILITIES);
    assertTrue(readme.contains(table), "README-section.md must contain, verbatim:\n" + table);
  }
}
