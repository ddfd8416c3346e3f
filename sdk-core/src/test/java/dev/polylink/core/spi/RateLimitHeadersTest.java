package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.RateLimitStatus;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

  @Test
  void readsLimitRemainingAndReset() {
    Headers headers = Headers.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "59", "X-RateLimit-Reset", "1767225600");
    assertEquals(
        Optional.of(RateLimitStatus.builder().limit(60).remaining(59).resetAt(Instant.parse("2026-01-01T00:00:00Z"))
            .window("1m").build()),
        RateLimitHeaders.read(headers, "1m", "X-RateLimit-"));
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    Headers headers = Headers.of("x-ratelimit-limit", "10", "X-RATELIMIT-REMAINING", "3");
    assertEquals(Optional.of(RateLimitStatus.builder().limit(10).remaining(3).build()),
        RateLimitHeaders.read(headers, null, "X-RateLimit-"));
  }

  @Test
  void fallsBackToTheNextPrefix() {
    Headers headers = Headers.of("RateLimit-Limit", "100", "RateLimit-Remaining", "1");
    assertEquals(Optional.of(RateLimitStatus.builder().limit(100).remaining(1).build()),
        RateLimitHeaders.read(headers, null, "X-RateLimit-", "RateLimit-"));
  }

  @Test
  void theFirstPrefixWithAnyReadableValueWins() {
    Headers headers = Headers.of("X-RateLimit-Remaining", "5", "RateLimit-Limit", "100", "RateLimit-Remaining", "1");
    assertEquals(Optional.of(RateLimitStatus.builder().remaining(5).build()),
        RateLimitHeaders.read(headers, null, "X-RateLimit-", "RateLimit-"));
  }

  @Test
  void garbageIsIgnored() {
    Headers partly = Headers.of("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "7", "X-RateLimit-Reset", "-3");
    assertEquals(Optional.of(RateLimitStatus.builder().remaining(7).build()),
        RateLimitHeaders.read(partly, null, "X-RateLimit-"));

    Headers allGarbage = Headers.of("X-RateLimit-Limit", "1.5", "X-RateLimit-Remaining", "", "RateLimit-Limit", "9");
    assertEquals(Optional.of(RateLimitStatus.builder().limit(9).build()),
        RateLimitHeaders.read(allGarbage, null, "X-RateLimit-", "RateLimit-"));

    assertEquals(Optional.empty(), RateLimitHeaders.read(Headers.of("X-RateLimit-Limit", "x"), "w", "X-RateLimit-"));
  }

  @Test
  void nothingSaidIsEmpty() {
    assertEquals(Optional.empty(), RateLimitHeaders.read(Headers.of(), "monthly", "X-RateLimit-", "RateLimit-"));
    assertEquals(Optional.empty(), RateLimitHeaders.read(Headers.of("Content-Type", "text/plain"), null));
  }

  @Test
  void number() {
    assertEquals(Optional.of(5L), RateLimitHeaders.number(" 5 "));
    assertEquals(Optional.of(0L), RateLimitHeaders.number("0"));
    assertEquals(Optional.empty(), RateLimitHeaders.number(null));
    assertEquals(Optional.empty(), RateLimitHeaders.number("-1"));
    assertEquals(Optional.empty(), RateLimitHeaders.number("2.0"));
    assertEquals(Optional.empty(), RateLimitHeaders.number("99999999999999999999"));
    assertEquals(Optional.empty(), RateLimitHeaders.number("ten"));
  }
}
