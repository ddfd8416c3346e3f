package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.RateLimitStatus;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * {@link RateLimitHeaders}' zero values (0 is a value, not "none") and its one pass over the
 * headers, which must read what three {@code Headers.get} lookups would.
 */
class RateLimitHeadersEdgeTest {

  @Test
  void aLimitOfZeroAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().limit(0).build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Limit", "0"), null, "X-RateLimit-"));
  }

  @Test
  void nothingRemainingAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().remaining(0).window("w").build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "0"), "w", "X-RateLimit-"));
  }

  @Test
  void aResetAtTheEpochAloneIsReported() {
    assertEquals(Optional.of(RateLimitStatus.builder().resetAt(Instant.EPOCH).build()),
        RateLimitHeaders.read(Headers.of("X-RateLimit-Reset", "0"), null, "X-RateLimit-"));
  }

  @Test
  void onePassReadsWhatHeadersGetWouldTheLastOfRepeatedValuesAndNoLongerName() {
    Headers headers = new Headers.Builder()
        .add("X-RateLimit-Limit", "5")
        .add("Content-Type", "application/json")
        .add("X-RateLimit-Burst-Limit", "50") // another prefix's: not this one's limit
        .add("X-RateLimit-Burst-Remaining", "49")
        .add("X-RateLimit-Limits", "7") // a longer name
        .add("X-RateLimit-Remainder", "8") // a name of the same length
        .add("x-ratelimit-limit", "10") // repeated, other case: the last value counts
        .add("X-RateLimit-Remaining", "3")
        .add("X-RateLimit-Remaining", "x") // the last value is unreadable: none, as Headers.get gives it
        .add("X-RateLimit-Reset", "60")
        .build();
    assertEquals(Optional.of(RateLimitStatus.builder().limit(10).resetAt(Instant.ofEpochSecond(60)).build()),
        RateLimitHeaders.read(headers, null, "X-RateLimit-"));
    assertEquals(Optional.of(RateLimitStatus.builder().limit(50).remaining(49).window("burst").build()),
        RateLimitHeaders.read(headers, "burst", "X-RateLimit-Burst-"));
    assertEquals(Optional.empty(), RateLimitHeaders.read(headers, null, "X-RateLimit-Limit"));
  }

  @Test
  void namesAreComparedWithoutCaseInEveryLetterAndOnlyInLetters() {
    // The JDK server's spelling (first letter only) and HTTP/2's (all lower case) are read.
    Headers headers = Headers.of("X-ratelimit-limit", "10", "x-ratelimit-remaining", "3", "X-RATELIMIT-RESET", "0");
    assertEquals(Optional.of(RateLimitStatus.builder().limit(10).remaining(3).resetAt(Instant.EPOCH).build()),
        RateLimitHeaders.read(headers, null, "X-RateLimit-"));
    // Differing in bit 5 alone is no match where the expected character is not a letter: '-'
    // (0x2d) and '\r' (0x0d), '1' (0x31) and 0x11, are not the same character in another case.
    assertEquals(true, RateLimitHeaders.named("X-RateLimit-Limit", 0, "x-ratelimit-LIMIT"));
    assertEquals(false, RateLimitHeaders.named("X\rRateLimit-Limit", 0, "X-RateLimit-Limit"));
    assertEquals(false, RateLimitHeaders.named("Limit\u0011", 0, "Limit1"));
    assertEquals(false, RateLimitHeaders.named("X-RateLimit-Lim1t", 0, "X-RateLimit-Limit"));
    assertEquals(false, RateLimitHeaders.named("X-RateLimit-Limit", 0, "X-RateLimit-Limiz"));
    assertEquals(Optional.empty(), RateLimitHeaders.read(Headers.of("X-RateLimit-Lim1t", "10"), null, "X-RateLimit-"));
  }
}
