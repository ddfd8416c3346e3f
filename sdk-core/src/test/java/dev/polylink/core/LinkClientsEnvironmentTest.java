package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.fake.FakeLinkClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LinkClients}' environment entry points: the process environment form, and a refusal that
 * names no missing variable, which is passed on as the builder made it.
 */
class LinkClientsEnvironmentTest {

  @Test
  void theProcessEnvironmentFormGivesTheProvidersBuilder() {
    // The build's environment sets no FAKE_ variable, so the builder has no key yet.
    FakeLinkClient.Builder builder =
        assertInstanceOf(FakeLinkClient.Builder.class, LinkClients.builderFromEnvironment("fake"));
    assertEquals(java.util.Optional.ofNullable(System.getenv("FAKE_API_KEY")), builder.apiKey());
  }

  @Test
  void aRefusalOfAVariableThatIsSetIsTheBuildersOwn() {
    Map<String, String> env = Map.of("FAKE_API_KEY", "k", "FAKE_BASE_URL", "http://fake.example/api");
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> LinkClients.fromEnvironment("fake", env::get));
    assertTrue(e.violations().get(0).startsWith("baseUrl: plain http"), e.violations().toString());
    assertNull(e.getCause(), "not rewritten: the variable is set, its value is what is wrong");
  }
}
