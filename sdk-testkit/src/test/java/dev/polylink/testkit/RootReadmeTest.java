package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.carrierx.CarrierxClient;
import dev.polylink.core.Capabilities;
import dev.polylink.core.internal.CapabilityTable;
import dev.polylink.core.testing.ReadmeAssertions;
import dev.polylink.shortpen.ShortpenClient;
import dev.polylink.snipurl.SnipurlClient;
import dev.polylink.xqr.XqrClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The root README's capability matrix and per-provider tables are what the providers' {@code
 * capabilities()} render, and its "Testing your code" example is a test that runs, so the front
 * page cannot drift from the code. (Runs here because this module's tests see all four providers.)
 */
class RootReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path TESTING_EXAMPLE =
      Path.of("src", "test", "java", "com", "example", "shortener", "ShortenerServiceTest.java");

  private static Map<String, Capabilities> providers() {
    Map<String, Capabilities> providers = new LinkedHashMap<>();
    providers.put("xqr", XqrClient.CAPABILITIES);
    providers.put("shortpen", ShortpenClient.CAPABILITIES);
    providers.put("snipurl", SnipurlClient.CAPABILITIES);
    providers.put("carrierx", CarrierxClient.CAPABILITIES);
    return providers;
  }

  @Test
  void theMatrixMatchesEveryProvidersCapabilities() {
    String matrix = CapabilityTable.matrix(providers());
    assertTrue(ReadmeAssertions.read(README).contains(matrix), "README.md must contain, verbatim:\n" + matrix);
  }

  @Test
  void theFeaturesMatrixMatchesEveryProvidersCapabilities() {
    String features = CapabilityTable.features(providers());
    assertTrue(ReadmeAssertions.read(README).contains(features), "README.md must contain, verbatim:\n" + features);
  }

  @Test
  void eachProvidersTableMatchesItsCapabilities() {
    providers().values().forEach(c -> ReadmeAssertions.assertContainsCapabilityTable(README, c));
  }

  @Test
  void theTestingYourCodeExampleIsTheTestThatRuns() throws IOException {
    String readme = ReadmeAssertions.read(README);
    int section = readme.indexOf("## Testing your code");
    assertTrue(section >= 0, "README.md has no 'Testing your code' section");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String example = readme.substring(start, readme.indexOf("```\n", start));
    String source = Files.readString(TESTING_EXAMPLE, StandardCharsets.UTF_8);
    String test = source.substring(source.indexOf("class ShortenerServiceTest {"));
    assertEquals(test, example, "README.md's 'Testing your code' example must be " + TESTING_EXAMPLE + ", verbatim");
  }
}
