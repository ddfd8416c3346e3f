package dev.polylink.carrierx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifetimeTest {
  private static final Instant T = Instant.parse("2024-01-18T19:26:02Z");

  @Test
  void secondsRoundUp() {
    assertEquals(0, Lifetime.secondsRoundedUp(T, T));
    assertEquals(1, Lifetime.secondsRoundedUp(T, T.plusNanos(1)));
    assertEquals(60, Lifetime.secondsRoundedUp(T, T.plusSeconds(60)));
    assertEquals(61, Lifetime.secondsRoundedUp(T, T.plusMillis(60_001)));
  }

  @Test
  void violationsCompareInstantsBeforeRounding() {
    assertEquals(Optional.of("must not be before the origin"),
        Lifetime.violation(T, T.minusMillis(1), false, "the origin"));
    assertEquals(Optional.empty(), Lifetime.violation(T, T, false, "the origin"));
    assertEquals(Optional.of("must be after now"), Lifetime.violation(T, T, true, "now"));
    assertEquals(Optional.empty(), Lifetime.violation(T, T.plusNanos(1), true, "now"));
    assertEquals(Optional.empty(), Lifetime.violation(T, T.plusSeconds(Integer.MAX_VALUE), true, "now"));
    assertEquals(Optional.of("must be at most 2147483647 seconds after now"),
        Lifetime.violation(T, T.plusSeconds(Integer.MAX_VALUE).plusNanos(1), true, "now"));
  }

  @Test
  void minusOneNeverExpires() {
    assertEquals(Optional.empty(), Lifetime.expiresAt(T, -1));
    assertEquals(Optional.of(T.plusSeconds(5)), Lifetime.expiresAt(T, 5));
  }
}
