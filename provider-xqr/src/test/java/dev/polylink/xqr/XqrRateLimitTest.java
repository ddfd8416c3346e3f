package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RateLimitStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lastRateLimit()} from the monthly and burst headers and the three body shapes. */
class XqrRateLimitTest extends XqrWireMockTest {


  private static final Instant RESET = Instant.ofEpochSecond(1742572800);
  private static final Instant RESET_AT = Instant.parse("2026-04-01T00:00:00Z");

  /** The Get Link example with another {@code meta.rate_limit} (or none, for {@code null}). */
  private static String body(String rateLimit) {
    String documented = "\"rate_limit\": { \"limit\": 600, \"remaining\": 597, \"reset\": 1742572800 }";
    String body = fixture("get-link-response.json");
    return rateLimit == null
        ? body.replace(", " + documented, "")
        : body.replace(documented, "\"rate_limit\": " + rateLimit);
  }

  private static ResponseDefinitionBuilder monthlyHeaders(ResponseDefinitionBuilder response) {
    return response
        .withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "999")
        .withHeader("X-RateLimit-Burst-Limit", "10")
        .withHeader("X-RateLimit-Burst-Remaining", "9");
  }

  private static RateLimitStatus monthly(long limit, long remaining) {
    return RateLimitStatus.builder().limit(limit).remaining(remaining).window("monthly").build();
  }

  private Optional<RateLimitStatus> after(ResponseDefinitionBuilder response) {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(response));
    client.get(ID);
    return client.lastRateLimit();
  }

  static Stream<Arguments> withHeaders() {
    return Stream.of(
        Arguments.of("no rate_limit in the body", null, monthly(1000, 999)),
        Arguments.of("link pages' shape, contradicting the headers: ignored",
            "{\"limit\": 600, \"remaining\": 597, \"reset\": 1742572800}", monthly(1000, 999)),
        Arguments.of("link pages' shape, agreeing: adds the reset",
            "{\"limit\": 1000, \"remaining\": 999, \"reset\": 1742572800}",
            monthly(1000, 999).toBuilder().resetAt(RESET).build()),
        Arguments.of("error-handling page's shape, agreeing",
            "{\"limit\": 1000, \"remaining\": 999, \"burst_limit\": 10, \"burst_remaining\": 9}", monthly(1000, 999)),
        Arguments.of("analytics pages' shape, agreeing: adds reset_at",
            "{\"remaining\": 999, \"reset_at\": \"2026-04-01T00:00:00Z\"}",
            monthly(1000, 999).toBuilder().resetAt(RESET_AT).build()),
        Arguments.of("analytics pages' shape, contradicting: ignored",
            "{\"remaining\": 5, \"reset_at\": \"2026-04-01T00:00:00Z\"}", monthly(1000, 999)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withHeaders")
  void theMonthlyHeadersWinAndTheBodyFillsGaps(String name, String rateLimit, RateLimitStatus expected) {
    assertEquals(Optional.of(expected), after(monthlyHeaders(json(200, body(rateLimit)))));
  }

  static Stream<Arguments> bodyOnly() {
    return Stream.of(
        Arguments.of("link pages' shape: window unnamed",
            "{\"limit\": 600, \"remaining\": 597, \"reset\": 1742572800}",
            RateLimitStatus.builder().limit(600).remaining(597).resetAt(RESET).build()),
        Arguments.of("error-handling page's shape: the monthly pair",
            "{\"limit\": 1000, \"remaining\": 999, \"burst_limit\": 10, \"burst_remaining\": 9}", monthly(1000, 999)),
        Arguments.of("analytics pages' shape",
            "{\"remaining\": 42, \"reset_at\": \"2026-04-01T00:00:00Z\"}",
            RateLimitStatus.builder().remaining(42).resetAt(RESET_AT).build()),
        Arguments.of("numbers as strings, reset as an ISO time",
            "{\"limit\": \"600\", \"remaining\": \"10\", \"reset\": \"2026-04-01T00:00:00Z\"}",
            RateLimitStatus.builder().limit(600).remaining(10).resetAt(RESET_AT).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodyOnly")
  void withoutHeadersTheBodyIsRead(String name, String rateLimit, RateLimitStatus expected) {
    assertEquals(Optional.of(expected), after(json(200, body(rateLimit))));
  }

  @Test
  void burstHeadersAloneAreTheLastResort() {
    assertEquals(
        Optional.of(RateLimitStatus.builder().limit(10).remaining(3).window("burst").build()),
        after(json(200, body(null)).withHeader("X-RateLimit-Burst-Limit", "10").withHeader("X-RateLimit-Burst-Remaining", "3")));
    assertEquals(java.util.List.of(RateLimitStatus.builder().limit(10).remaining(3).window("burst").build()), client.rateLimits());
  }

  @Test
  void nothingSaidIsEmpty() {
    assertEquals(Optional.empty(), after(json(200, body(null))));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "\"plenty\"", "[]", "null", "42", "{}",
    "{\"limit\": \"abc\", \"remaining\": -5, \"reset\": \"soon\"}",
    "{\"limit\": 1.5, \"remaining\": {\"x\": 1}, \"reset_at\": [1]}",
    "{\"reset\": 99999999999999999999999}",
    "{\"reset\": 9223372036854775807}",
  })
  void anUnreadableRateLimitNeverFailsTheCall(String rateLimit) {
    assertEquals(Optional.of(monthly(1000, 999)), after(monthlyHeaders(json(200, body(rateLimit)))));
    wm.resetAll();
    try (XqrClient fresh = newClient()) {
      wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, body(rateLimit))));
      fresh.get(ID);
      assertEquals(Optional.empty(), fresh.lastRateLimit());
    }
  }

  @Test
  void errorResponsesUpdateItFromTheirHeaders() {
    after(monthlyHeaders(json(200, body(null))));
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "0")
        .withBody("{\"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\", \"message\": \"Monthly API quota exhausted\","
            + " \"status\": 429}, \"meta\": {\"request_id\": \"req_q\"}}")));
    assertThrows(RateLimitException.class, () -> client.get(ID));
    assertEquals(Optional.of(monthly(1000, 0)), client.lastRateLimit());
  }
}
