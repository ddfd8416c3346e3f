package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.polylink.core.fake.FakeLinkClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared builder settings, through the fake provider's builder. */
class LinkClientBuilderTest {

  @Test
  void anApiKeyIsRequiredAndNeverShown() {
    RequestValidationException missing = assertInvalid("apiKey", () -> FakeLinkClient.builder().build());
    assertEquals("fake", missing.providerId());
    RequestValidationException blank = assertInvalid("apiKey", () -> FakeLinkClient.builder().apiKey("  "));
    assertFalse(blank.getMessage().contains("  \""));
  }

  @Test
  void anApiKeyAHeaderCannotCarryIsRejectedBeforeAnyRequestWithoutShowingIt() {
    for (String key : new String[] {"sk-live\nX-Injected: 1", "sk-live\u0000secret", "sk-livé-secret",
        "sk-live\u007fsecret"}) {
      RequestValidationException e = assertInvalid("apiKey", () -> FakeLinkClient.builder().apiKey(key));
      assertEquals("fake", e.providerId());
      assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("sk-live"), e.getMessage());
    }
    // surrounding whitespace, newlines included, is stripped, not rejected
    try (FakeLinkClient client =
        FakeLinkClient.builder().apiKey(" sk-live-123\n").baseUrl("http://127.0.0.1:1/api").build()) {
      assertEquals("fake", client.providerId());
    }
  }

  @Test
  void invalidSettingsNameTheSetting() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    assertInvalid("baseUrl", () -> b.baseUrl("fake.example/api"));
    assertInvalid("baseUrl", () -> b.baseUrl("ftp://fake.example"));
    assertInvalid("timeout", () -> b.timeout(Duration.ZERO));
    assertInvalid("timeout", () -> b.timeout(Duration.ofSeconds(-1)));
    assertInvalid("userAgent", () -> b.userAgent(" "));
    assertInvalid("userAgent", () -> b.userAgent("app\r\nX-Injected: 1"));
    assertInvalid("userAgent", () -> b.userAgent("appé/1"));
  }

  @Test
  void invalidDeadlinesAndLimitsNameTheSetting() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    assertInvalid("attemptTimeout", () -> b.attemptTimeout(Duration.ZERO));
    assertInvalid("operationTimeout", () -> b.operationTimeout(Duration.ofMillis(-1)));
    assertInvalid("connectionIdleTimeout", () -> b.connectionIdleTimeout(Duration.ZERO));
    assertInvalid("maxResponseBodySize", () -> b.maxResponseBodySize(0));
    assertNpe(() -> b.attemptTimeout(null));
    assertNpe(() -> b.operationTimeout(null));
    assertNpe(() -> b.connectionIdleTimeout(null));
  }

  @Test
  void plainHttpOffLoopbackIsRefusedWhenTheClientIsBuiltUnlessExplicitlyAllowed() {
    RequestValidationException e = assertInvalid("baseUrl",
        () -> FakeLinkClient.builder().apiKey("sk-live-123").baseUrl("http://fake.example/api").build());
    assertEquals("fake", e.providerId());
    assertFalse(e.getMessage().contains("sk-live"), e.getMessage());
    try (FakeLinkClient client = FakeLinkClient.builder().apiKey("sk-live-123").baseUrl("http://fake.example/api")
        .allowInsecurePlainHttp().build()) {
      assertEquals("fake", client.providerId());
    }
    try (FakeLinkClient client =
        FakeLinkClient.builder().apiKey("sk-live-123").baseUrl("http://localhost:1/api").build()) {
      assertEquals("fake", client.providerId());
    }
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    assertNpe(() -> b.apiKey(null));
    assertNpe(() -> b.baseUrl(null));
    assertNpe(() -> b.httpClient(null));
    assertNpe(() -> b.timeout(null));
    assertNpe(() -> b.retryPolicy(null));
    assertNpe(() -> b.userAgent(null));
    assertNpe(() -> b.clock(null));
    assertNpe(() -> b.sleeper(null));
  }

  @Test
  void settersReturnTheConcreteBuilder() {
    FakeLinkClient client =
        FakeLinkClient.builder()
            .apiKey(" key ")
            .baseUrl("http://127.0.0.1:1/api")
            .timeout(Duration.ofSeconds(1))
            .retryPolicy(RetryPolicy.none())
            .userAgent("app/1")
            .clock(Clock.systemUTC())
            .sleeper(d -> {})
            .build();
    try (client) {
      assertEquals("fake", client.providerId());
    }
  }
}
