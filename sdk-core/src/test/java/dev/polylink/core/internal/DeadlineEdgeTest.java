package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link Deadline} on its own: the limits of {@code allows}, the accounting of waits, and
 * durations beyond what nanoseconds hold. No test waits; budgets are far larger than a test runs.
 */
class DeadlineEdgeTest {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  @Test
  void aWaitThatEndsExactlyAtTheDeadlineIsNotAllowed() {
    Deadline passed = new Deadline(Duration.ZERO);
    assertEquals(0, passed.remainingNanos());
    assertFalse(passed.allows(Duration.ZERO), "nothing is left, not even for no wait");
    assertTrue(new Deadline(Duration.ofHours(1)).allows(Duration.ZERO));
  }

  @Test
  void aWaitCountsForWhatWasAskedWhateverItTook() {
    Deadline slept = new Deadline(Duration.ofHours(1));
    // The sleeper really took the ten minutes: the clock already shows them, nothing is added.
    slept.waited(Duration.ofMinutes(10), 10 * MINUTE);
    assertTrue(slept.remainingNanos() > 59 * MINUTE, "remaining " + slept.remainingNanos());

    Deadline recorded = new Deadline(Duration.ofHours(1));
    // A recording sleeper returned at once: the ten minutes count all the same.
    recorded.waited(Duration.ofMinutes(10), 0);
    long remaining = recorded.remainingNanos();
    assertTrue(remaining <= 50 * MINUTE && remaining > 49 * MINUTE, "remaining " + remaining);
    assertFalse(recorded.allows(Duration.ofMinutes(50)));
  }

  @Test
  void aDurationBeyondNanosecondsSaturates() {
    assertEquals(Long.MAX_VALUE, Deadline.saturatedNanos(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals(7, Deadline.saturatedNanos(Duration.ofNanos(7)));
    Deadline forever = new Deadline(Duration.ofSeconds(Long.MAX_VALUE));
    assertTrue(forever.allows(Duration.ofDays(36_500)));
    assertFalse(forever.allows(Duration.ofSeconds(Long.MAX_VALUE)), "not even forever fits in forever");
  }
}
