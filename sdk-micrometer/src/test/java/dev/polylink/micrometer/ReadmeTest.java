package dev.polylink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Observability" example is {@code com.example.observability.ObservedClientTest},
 * verbatim, and its meter names are this module's; this module's README names every meter.
 */
class ReadmeTest {
  private static final Path EXAMPLE =
      Path.of("src", "test", "java", "com", "example", "observability", "ObservedClientTest.java");

  @Test
  void theObservabilityExampleIsTheTestThatRuns() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Observability");
    assertTrue(section >= 0, "README.md has no 'Observability' section");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String example = readme.substring(start, readme.indexOf("```\n", start));
    String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    assertEquals(source.substring(source.indexOf("class ObservedClientTest {")), example,
        "README.md's 'Observability' example must be " + EXAMPLE + ", verbatim");
  }

  @Test
  void theModuleReadmeNamesEveryMeter() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (String name : new String[] {MicrometerListener.OPERATIONS, MicrometerListener.ATTEMPTS, MicrometerListener.RETRIES,
        MicrometerListener.RATE_LIMITED, MicrometerListener.QUOTA_EXHAUSTED, MicrometerListener.RATE_LIMIT_WAITS,
        MicrometerListener.PACING_WAITS,
        MicrometerListener.RATE_LIMIT_REMAINING, MicrometerListener.OBSERVATION}) {
      assertTrue(readme.contains("`" + name + "`"), "sdk-micrometer/README.md does not name " + name);
    }
  }
}
