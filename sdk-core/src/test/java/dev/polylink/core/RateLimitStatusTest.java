package dev.polylink.core;

import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimitStatusTest {
  private static final Instant RESET = Instant.parse("2026-02-01T00:00:00Z");

  @Test
  void emptyUntilSomethingIsSaid() {
    RateLimitStatus none = RateLimitStatus.builder().build();
    assertTrue(none.isEmpty());
    assertEquals(OptionalLong.empty(), none.limit());
    assertEquals(OptionalLong.empty(), none.remaining());
    assertEquals(Optional.empty(), none.resetAt());
    assertEquals(Optional.empty(), none.window());
    assertFalse(RateLimitStatus.builder().remaining(0).build().isEmpty());
    assertFalse(RateLimitStatus.builder().window("1h").build().isEmpty());
  }

  @Test
  void keepsEveryPart() {
    RateLimitStatus s = RateLimitStatus.builder().limit(1000).remaining(0).resetAt(RESET).window("monthly").build();
    assertEquals(OptionalLong.of(1000), s.limit());
    assertEquals(OptionalLong.of(0), s.remaining());
    assertEquals(Optional.of(RESET), s.resetAt());
    assertEquals(Optional.of("monthly"), s.window());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    assertNpe(() -> RateLimitStatus.builder().resetAt(null));
    assertNpe(() -> RateLimitStatus.builder().window(null));
  }

  @Test
  void toBuilderEqualityAndToString() {
    RateLimitStatus s = RateLimitStatus.builder().limit(60).remaining(59).resetAt(RESET).window("1m").build();
    assertEquals(s, s.toBuilder().build());
    assertEquals(s.hashCode(), s.toBuilder().build().hashCode());
    assertNotEquals(s, s.toBuilder().remaining(58).build());
    assertNotEquals(s, s.toBuilder().window("1h").build());
    assertNotEquals(s, RateLimitStatus.builder().limit(60).remaining(59).resetAt(RESET).build());
    assertNotEquals(s, null);
    assertEquals(
        "RateLimitStatus{limit=60, remaining=59, resetAt=2026-02-01T00:00:00Z, window=1m}", s.toString());
  }
}
