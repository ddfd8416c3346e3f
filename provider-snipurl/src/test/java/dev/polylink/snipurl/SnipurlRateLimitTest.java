package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RateLimitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-RateLimit-* and RateLimit-* headers, the 429 windows, and the hourly window failing fast. */
class SnipurlRateLimitTest extends SnipurlWireMockTest {
  private static final long RESET = 1750413660L;

  @Test
  void nothingIsKnownBeforeTheFirstResponse() {
    assertEquals(Optional.empty(), client.lastRateLimit());
  }

  @Test
  void xPrefixedHeadersAreRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("update-response.json"))
        .withHeader("X-RateLimit-Limit", "60")
        .withHeader("X-RateLimit-Remaining", "59")
        .withHeader("X-RateLimit-Reset", Long.toString(RESET))));
    client.get(DOC_ID);
    RateLimitStatus status = client.lastRateLimit().orElseThrow();
    assertEquals(60, status.limit().getAsLong());
    assertEquals(59, status.remaining().getAsLong());
    assertEquals(Optional.of(Instant.ofEpochSecond(RESET)), status.resetAt());
    assertEquals(Optional.empty(), status.window(), "a success does not name its window");
    assertEquals(List.of(status), client.rateLimits());
  }

  @Test
  void headersWithoutTheXPrefixAreReadToo() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("update-response.json"))
        .withHeader("RateLimit-Remaining", "41")
        .withHeader("RateLimit-Reset", Long.toString(RESET))));
    client.get(DOC_ID);
    RateLimitStatus status = client.lastRateLimit().orElseThrow();
    assertTrue(status.limit().isEmpty());
    assertEquals(41, status.remaining().getAsLong());
    assertEquals(Optional.of(Instant.ofEpochSecond(RESET)), status.resetAt());
  }

  @Test
  void theXPrefixedSpellingWinsWhenBothAreSent() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("update-response.json"))
        .withHeader("X-RateLimit-Remaining", "7")
        .withHeader("RateLimit-Remaining", "8")));
    client.get(DOC_ID);
    assertEquals(7, client.lastRateLimit().orElseThrow().remaining().getAsLong());
  }

  @Test
  void aMinuteLimitNamesItsWindowAndIsWaitedOut() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("minute").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(429, fixture("rate-limit-1m.json"))
            .withHeader("Retry-After", "12")
            .withHeader("X-RateLimit-Limit", "60")
            .withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", Long.toString(RESET)))
        .willSetStateTo("calm"));
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("minute").whenScenarioStateIs("calm")
        .willReturn(json(200, fixture("update-response.json"))
            .withHeader("X-RateLimit-Limit", "60")
            .withHeader("X-RateLimit-Remaining", "59")));
    client.get(DOC_ID);
    assertEquals(List.of(Duration.ofSeconds(12)), sleeper.waits());
    RateLimitStatus after = client.lastRateLimit().orElseThrow();
    assertEquals(59, after.remaining().getAsLong());
    assertEquals(Optional.empty(), after.window(), "the success after the wait is what is reported last");
  }

  @Test
  void anHourlyLimitBeyondMaxRetryAfterFailsAtOnce() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(429, fixture("rate-limit-1h.json"))
        .withHeader("Retry-After", "2400")
        .withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Reset", Long.toString(RESET))));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(DOC_ID));
    assertEquals(Optional.of(Duration.ofSeconds(2400)), e.retryAfter());
    assertEquals(1, wm.getAllServeEvents().size());
    assertTrue(sleeper.waits().isEmpty());
    RateLimitStatus status = client.lastRateLimit().orElseThrow();
    assertEquals(Optional.of("1h"), status.window());
    assertEquals(1000, status.limit().getAsLong());
    assertEquals(0, status.remaining().getAsLong());
    assertEquals(Optional.of(Instant.ofEpochSecond(RESET)), status.resetAt());
  }

  @Test
  void theBodysRetryAfterCountsWhenTheHeaderIsMissing() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(429, fixture("rate-limit-1h.json"))));
    RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(DOC_ID));
    assertEquals(Optional.of(Duration.ofSeconds(2400)), e.retryAfter());
    assertEquals(1, wm.getAllServeEvents().size());
    RateLimitStatus status = client.lastRateLimit().orElseThrow();
    assertEquals(Optional.of("1h"), status.window());
    assertEquals(1000, status.limit().getAsLong(), "the limit comes from details when no header gives it");
    assertTrue(status.remaining().isEmpty());
  }

  @Test
  void anHourlyLimitWithinMaxRetryAfterIsWaitedOut() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("hour").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(429, fixture("rate-limit-1h.json").replace("2400", "30")).withHeader("Retry-After", "30"))
        .willSetStateTo("calm"));
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("hour").whenScenarioStateIs("calm")
        .willReturn(json(200, fixture("update-response.json"))));
    client.get(DOC_ID);
    assertEquals(List.of(Duration.ofSeconds(30)), sleeper.waits());
    assertEquals(2, wm.getAllServeEvents().size());
  }

  @Test
  void aLongerMaxRetryAfterWaitsForTheHourlyWindow() {
    try (SnipurlClient patient = builder()
        .retryPolicy(dev.polylink.core.RetryPolicy.builder().maxRetryAfter(Duration.ofHours(1)).build())
        .operationTimeout(Duration.ofHours(2)) // the operation deadline bounds every wait too
        .build()) {
      wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("hour").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(json(429, fixture("rate-limit-1h.json")).withHeader("Retry-After", "2400"))
          .willSetStateTo("calm"));
      wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("hour").whenScenarioStateIs("calm")
          .willReturn(json(200, fixture("update-response.json"))));
      patient.get(DOC_ID);
      assertEquals(List.of(Duration.ofSeconds(2400)), sleeper.waits());
    }
  }
}
