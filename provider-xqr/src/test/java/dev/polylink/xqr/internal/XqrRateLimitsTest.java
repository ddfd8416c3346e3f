package dev.polylink.xqr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.Json;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** How xQR's monthly and burst headers and a body's {@code meta.rate_limit} combine. */
class XqrRateLimitsTest {
  private static Optional<RateLimitStatus> combine(Headers headers, String rateLimit) {
    return XqrRateLimits.INSTANCE.combine(XqrRateLimits.INSTANCE.windows(headers), Json.tryParse("{\"rate_limit\": " + rateLimit + "}").orElseThrow());
  }

  private static RateLimitStatus status(long limit, long remaining, String window) {
    return RateLimitStatus.builder().limit(limit).remaining(remaining).window(window).build();
  }

  @Test
  void theBodyFillsOnlyWhatTheMonthlyHeadersLack() {
    RateLimitStatus limitFromBody = combine(Headers.of("X-RateLimit-Remaining", "5"),
        "{\"limit\": 1000, \"remaining\": 5, \"reset\": 1700000000}").orElseThrow();
    assertEquals(RateLimitStatus.builder().limit(1000).remaining(5).resetAt(Instant.ofEpochSecond(1700000000))
        .window("monthly").build(), limitFromBody);
    RateLimitStatus remainingFromBody = combine(Headers.of("X-RateLimit-Limit", "1000"),
        "{\"limit\": 1000, \"remaining\": 7}").orElseThrow();
    assertEquals(status(1000, 7, "monthly"), remainingFromBody);
    RateLimitStatus headersWin = combine(Headers.of("X-RateLimit-Limit", "1000", "X-RateLimit-Remaining", "9"),
        "{\"reset_at\": \"2026-04-01T00:00:00Z\"}").orElseThrow();
    assertEquals(RateLimitStatus.builder().limit(1000).remaining(9).resetAt(Instant.parse("2026-04-01T00:00:00Z"))
        .window("monthly").build(), headersWin);
  }

  @Test
  void completeMonthlyHeadersAreTheResultWhateverTheBodySays() {
    Headers complete = Headers.of("X-RateLimit-Limit", "1000", "X-RateLimit-Remaining", "9",
        "X-RateLimit-Reset", "1700000000", "X-RateLimit-Burst-Limit", "10", "X-RateLimit-Burst-Remaining", "4");
    RateLimitStatus expected = RateLimitStatus.builder().limit(1000).remaining(9)
        .resetAt(Instant.ofEpochSecond(1700000000)).window("monthly").build();
    for (String body : new String[] {"{\"limit\": 1000, \"remaining\": 9, \"reset\": 1700000000}",
        "{\"limit\": 600, \"remaining\": 1, \"reset_at\": \"2026-04-01T00:00:00Z\"}", "{}", "\"not an object\""}) {
      assertEquals(Optional.of(expected), combine(complete, body), body);
    }
    assertEquals(Optional.of(expected), XqrRateLimits.INSTANCE.combine(XqrRateLimits.INSTANCE.windows(complete), null));
  }

  @Test
  void withoutMonthlyHeadersTheBodyAloneIsUsed() {
    assertEquals(Optional.of(RateLimitStatus.builder().limit(600).remaining(0).build()),
        combine(Headers.of(), "{\"limit\": 600, \"remaining\": 0}"));
    assertEquals(Optional.of(RateLimitStatus.builder().remaining(3).build()), combine(Headers.of(), "{\"remaining\": 3}"));
    assertEquals(Optional.of(RateLimitStatus.builder().limit(4).build()), combine(Headers.of(), "{\"limit\": 4}"));
    assertEquals(Optional.of(RateLimitStatus.builder().resetAt(Instant.ofEpochSecond(1700000000)).build()),
        combine(Headers.of(), "{\"reset\": 1700000000}"));
  }

  @Test
  void aWindowNameAloneSaysNothingSoTheBurstHeadersAreReported() {
    Headers burst = Headers.of("X-RateLimit-Burst-Limit", "10", "X-RateLimit-Burst-Remaining", "0");
    assertEquals(Optional.of(status(10, 0, "burst")), combine(burst, "{\"burst_limit\": 10}"));
    assertEquals(Optional.of(status(10, 0, "burst")), combine(burst, "{\"remaining\": -1}"));
    assertEquals(Optional.empty(), combine(Headers.of(), "{\"burst_remaining\": 0}"));
  }
}
