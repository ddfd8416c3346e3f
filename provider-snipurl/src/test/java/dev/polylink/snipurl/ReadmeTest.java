package dev.polylink.snipurl;

import dev.polylink.core.testing.ReadmeAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module README's capability table is the one {@link SnipurlClient#CAPABILITIES} renders. */
class ReadmeTest {
  @Test
  void theCapabilityTableMatchesTheCode() {
    ReadmeAssertions.assertContainsCapabilityTable(Path.of("README.md"), SnipurlClient.CAPABILITIES);
  }
}
