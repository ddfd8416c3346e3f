package dev.polylink.core.internal;

import java.time.Duration;

/**
 * The overall deadline of one operation: its attempts, backoff and {@code Retry-After} waits
 * together. Time is measured with {@link System#nanoTime()}, except that a wait counts for what was
 * asked of the sleeper, not for what it really took: with a test's sleeper that only records (or
 * advances a fake clock) the deadline still sees the waits, and with the real sleeper the two agree.
 */
final class Deadline {
  private final long startNanos = System.nanoTime();
  private final long budgetNanos;
  private long waitAdjustmentNanos;

  Deadline(Duration budget) {
    this.budgetNanos = saturatedNanos(budget);
  }

  /** Time used so far. */
  long elapsedNanos() {
    return System.nanoTime() - startNanos + waitAdjustmentNanos;
  }

  /** Time left, never negative. */
  long remainingNanos() {
    return Math.max(0, budgetNanos - elapsedNanos());
  }

  /** Whether waiting {@code wait} (and then trying again) still ends before the deadline. */
  boolean allows(Duration wait) {
    return saturatedNanos(wait) < remainingNanos();
  }

  /** Records a wait: {@code requested} counts, whatever the sleeper really took ({@code actualNanos}). */
  void waited(Duration requested, long actualNanos) {
    waitAdjustmentNanos += saturatedNanos(requested) - actualNanos;
  }

  static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
