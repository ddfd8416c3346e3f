package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void defaults() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(3, p.maxAttempts());
    assertEquals(Duration.ofMillis(200), p.initialBackoff());
    assertEquals(Duration.ofSeconds(10), p.maxBackoff());
    assertEquals(Duration.ofSeconds(65), p.maxRetryAfter());
    assertSame(p, RetryPolicy.defaults());
    assertEquals(p, RetryPolicy.builder().build(), "the builder starts from the defaults");
  }

  @Test
  void noneMakesOneAttempt() {
    assertEquals(1, RetryPolicy.none().maxAttempts());
    assertEquals(RetryPolicy.builder().maxAttempts(1).build(), RetryPolicy.none());
  }

  @Test
  void builderSetsEverything() {
    RetryPolicy p =
        RetryPolicy.builder()
            .maxAttempts(5)
            .initialBackoff(Duration.ofMillis(50))
            .maxBackoff(Duration.ofSeconds(2))
            .maxRetryAfter(Duration.ofSeconds(5))
            .build();
    assertEquals(5, p.maxAttempts());
    assertEquals(Duration.ofMillis(50), p.initialBackoff());
    assertEquals(Duration.ofSeconds(2), p.maxBackoff());
    assertEquals(Duration.ofSeconds(5), p.maxRetryAfter());
    assertEquals(p, p.toBuilder().build());
    assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
    assertNotEquals(p, p.toBuilder().maxAttempts(4).build());
    assertNotEquals(p, p.toBuilder().maxRetryAfter(Duration.ZERO).build());
    assertEquals(
        "RetryPolicy{maxAttempts=5, initialBackoff=PT0.05S, maxBackoff=PT2S, maxRetryAfter=PT5S}", p.toString());
  }

  @Test
  void invalidValuesNameTheField() {
    assertInvalid("maxAttempts", () -> RetryPolicy.builder().maxAttempts(0));
    assertInvalid("maxAttempts", () -> RetryPolicy.builder().maxAttempts(-1));
    assertInvalid("initialBackoff", () -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)));
    assertInvalid("maxBackoff", () -> RetryPolicy.builder().maxBackoff(Duration.ofSeconds(-1)));
    assertInvalid("maxRetryAfter", () -> RetryPolicy.builder().maxRetryAfter(Duration.ofNanos(-1)));
    assertInvalid("maxBackoff",
        () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build());
    assertInvalid("maxBackoff", () -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(11)).build());
    // zero waits are allowed
    RetryPolicy zero =
        RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).maxRetryAfter(Duration.ZERO).build();
    assertEquals(Duration.ZERO, zero.backoff(1));
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    assertNpe(() -> RetryPolicy.builder().initialBackoff(null));
    assertNpe(() -> RetryPolicy.builder().maxBackoff(null));
    assertNpe(() -> RetryPolicy.builder().maxRetryAfter(null));
  }

  @Test
  void backoffCeilingDoublesFromTheInitialBackoffUpToTheCap() {
    RetryPolicy p = RetryPolicy.defaults();
    assertEquals(Duration.ofMillis(200), p.backoffCeiling(1));
    assertEquals(Duration.ofMillis(400), p.backoffCeiling(2));
    assertEquals(Duration.ofMillis(800), p.backoffCeiling(3));
    assertEquals(Duration.ofMillis(1600), p.backoffCeiling(4));
    assertEquals(Duration.ofMillis(6400), p.backoffCeiling(6));
    assertEquals(Duration.ofSeconds(10), p.backoffCeiling(7));
    assertEquals(Duration.ofSeconds(10), p.backoffCeiling(8));
  }

  @Test
  void backoffCeilingNeverOverflows() {
    RetryPolicy p = RetryPolicy.defaults();
    for (int retry : new int[] {30, 31, 32, 33, 62, 63, 64, 65, 1000, Integer.MAX_VALUE}) {
      assertEquals(Duration.ofSeconds(10), p.backoffCeiling(retry), "retry " + retry);
    }
    RetryPolicy oneMs = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofDays(3650)).build();
    assertEquals(Duration.ofMillis(1L << 30), oneMs.backoffCeiling(31));
    assertEquals(Duration.ofMillis(1L << 35), oneMs.backoffCeiling(36), "growth does not stop at 2^30");
    for (int retry : new int[] {40, 63, 64, 65, Integer.MAX_VALUE}) {
      assertEquals(Duration.ofDays(3650), oneMs.backoffCeiling(retry), "retry " + retry);
    }
  }

  @Test
  void hugeDurationsDoNotOverflow() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    RetryPolicy p = RetryPolicy.builder().maxBackoff(forever).maxRetryAfter(forever).build();
    assertEquals(Duration.ofMillis(200), p.backoffCeiling(1));
    for (int retry : new int[] {2, 40, 70, Integer.MAX_VALUE}) {
      Duration ceiling = p.backoffCeiling(retry);
      assertTrue(!ceiling.isNegative(), retry + ": " + ceiling);
      Duration wait = p.backoff(retry);
      assertTrue(!wait.isNegative() && wait.compareTo(ceiling) <= 0, retry + ": " + wait);
    }
    RetryPolicy flat = RetryPolicy.builder().initialBackoff(forever).maxBackoff(forever).build();
    assertTrue(flat.backoff(1).compareTo(Duration.ZERO) >= 0);
  }

  @Test
  void backoffCeilingStartsAtTheFirstRetry() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().backoffCeiling(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().backoff(-1));
  }

  @Test
  void backoffIsFullJitterWithinTheCeiling() {
    RetryPolicy p = RetryPolicy.defaults();
    for (int retry = 1; retry <= 8; retry++) {
      Duration ceiling = p.backoffCeiling(retry);
      Set<Duration> seen = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        Duration wait = p.backoff(retry);
        assertTrue(!wait.isNegative() && wait.compareTo(ceiling) <= 0, "retry " + retry + ": " + wait);
        seen.add(wait);
      }
      assertTrue(seen.size() > 20, "retry " + retry + " waits should vary, saw " + seen.size() + " values");
    }
  }

  @Test
  void backoffCoversTheWholeRange() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(9)).maxBackoff(Duration.ofMillis(9)).build();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      seen.add(p.backoff(1).toMillis());
    }
    assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), seen, "full jitter: every value in [0, 9] ms");
  }

  @Test
  void theSystemSleeperSleeps() throws InterruptedException {
    long start = System.nanoTime();
    RetryPolicy.Sleeper.SYSTEM.sleep(Duration.ofMillis(20));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(15).toNanos());
  }
}
