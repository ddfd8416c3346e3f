package dev.polylink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolylinkExamplesTest {
  private final Clients clients = Clients.builder().build();

  @Test
  void withoutASubcommandItPrintsUsageAndExitsTwo() {
    Runner.Result result = Runner.run(clients);

    assertEquals(PolylinkExamples.EXIT_USAGE, result.exitCode());
    assertTrue(result.err().startsWith("Usage: polylink-examples"), result::toString);
    for (String command : List.of("quickstart", "retarget", "migrate")) {
      assertTrue(result.err().contains("  " + command + " "), result::toString);
    }
  }

  @Test
  void helpGoesToStandardOutputAndExitsZero() {
    Runner.Result result = Runner.run(clients, "retarget", "--help");

    assertEquals(PolylinkExamples.EXIT_OK, result.exitCode());
    assertTrue(result.out().startsWith("Usage: polylink-examples retarget"), result::toString);
    assertTrue(result.out().contains("--concurrency=N"), result::toString);
    assertEquals("", result.err());
  }

  @Test
  void anUnknownSubcommandIsOneLine() {
    Runner.Result result = Runner.run(clients, "shorten");

    assertEquals(PolylinkExamples.EXIT_USAGE, result.exitCode());
    assertEquals(1, result.errorLines().size(), result::toString);
    assertTrue(result.errorLines().get(0).startsWith("polylink-examples: error: Unmatched argument at index 0: 'shorten'"),
        result::toString);
  }

  @Test
  void theProvidersAreFoundOnTheClassPath() {
    assertEquals(List.of("carrierx", "shortpen", "snipurl", "xqr"), List.copyOf(Clients.providers()));
  }
}
