package dev.polylink.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fixed-window request counter on a {@link Clock}: the first request opens a window of {@code
 * window}; at most {@code limit} requests pass in it; the window closes {@code window} after it
 * opened, and the next request opens a new one. Off until {@link #configure} is called. Not
 * thread-safe: the emulators call it under their own lock.
 */
public final class WindowLimiter {
  private final Clock clock;
  private int limit;
  private Duration window;
  private Instant windowStart;
  private int used;

  /** A limiter, off, measuring windows on {@code clock}. */
  public WindowLimiter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Switches the limit on (or changes it) and starts counting afresh. */
  public void configure(int limit, Duration window) {
    if (limit < 1) {
      throw new IllegalArgumentException("requests must be at least 1 (was " + limit + ")");
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive (was " + window + ")");
    }
    this.limit = limit;
    this.window = window;
    clear();
  }

  /** Switches the limit off. */
  public void off() {
    window = null;
    clear();
  }

  /** Forgets the requests counted so far; keeps the setting. */
  public void clear() {
    windowStart = null;
    used = 0;
  }

  /** Whether a limit is set. */
  public boolean enabled() {
    return window != null;
  }

  /** The window's length; null when off. */
  public Duration window() {
    return window;
  }

  /**
   * Counts one request if the window has room, and says how that went. When off, every request
   * passes and the decision carries no numbers worth reporting.
   */
  public Decision acquire() {
    if (!enabled()) {
      return new Decision(true, 0, 0, clock.instant(), 0);
    }
    Instant now = clock.instant();
    if (windowStart == null || !now.isBefore(windowStart.plus(window)) || now.isBefore(windowStart)) {
      windowStart = now;
      used = 0;
    }
    Instant resetAt = windowStart.plus(window);
    if (used >= limit) {
      long millis = Duration.between(now, resetAt).toMillis();
      long retryAfter = Math.max(1, (millis + 999) / 1000);
      return new Decision(false, limit, 0, resetAt, retryAfter);
    }
    used++;
    return new Decision(true, limit, limit - used, resetAt, 0);
  }

  /**
   * The outcome of {@link #acquire()}.
   *
   * @param allowed whether the request may go on
   * @param limit requests allowed per window
   * @param remaining requests left in the current window after this one
   * @param resetAt when the current window closes
   * @param retryAfterSeconds for a refused request, whole seconds (at least 1) until the window closes
   */
  public record Decision(boolean allowed, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {}
}
