package dev.polylink.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * SnipURL's two per-key limits at once, a minute window and an hour window, counted as the
 * server's {@code checkRateLimit} counts them. Both windows open with the key's first request; a
 * window that has lasted its length is restarted by the next request (refused or not) before
 * anything is checked; the minute limit is checked first, then the hour limit; a refused request is
 * counted in neither window, an answered one in both. An answered request reports the minute
 * window; a refused one reports the window that refused it. Reset times are Unix seconds rounded
 * up, and {@code retry_after} is that reset minus "now" rounded down (at least 1), so a minute
 * window can ask for 61 seconds. Off until {@link #configure} is called. Not thread-safe: the
 * backend calls it under its own lock.
 */
final class SnipurlRateLimits {
  static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
  static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

  private final Clock clock;
  private boolean enabled;
  private int perMinute;
  private int perHour;
  private boolean started;
  private long minuteStart;
  private int minuteCount;
  private long hourStart;
  private int hourCount;

  SnipurlRateLimits(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Switches both windows on (or changes their limits) and starts counting afresh. */
  void configure(int perMinute, int perHour) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1 (was " + perMinute + ")");
    }
    if (perHour < 1) {
      throw new IllegalArgumentException("perHour must be at least 1 (was " + perHour + ")");
    }
    this.perMinute = perMinute;
    this.perHour = perHour;
    this.enabled = true;
    started = false;
  }

  /** Switches both windows off and forgets what they counted. */
  void off() {
    enabled = false;
    started = false;
  }

  boolean enabled() {
    return enabled;
  }

  int perMinute() {
    return perMinute;
  }

  int perHour() {
    return perHour;
  }

  /** Counts one request if both windows have room, and says what to report. */
  Verdict acquire() {
    long now = clock.millis();
    if (!started) {
      started = true;
      minuteStart = now;
      minuteCount = 0;
      hourStart = now;
      hourCount = 0;
    }
    if (now - minuteStart >= MINUTE_MILLIS || now < minuteStart) {
      minuteStart = now;
      minuteCount = 0;
    }
    if (now - hourStart >= HOUR_MILLIS || now < hourStart) {
      hourStart = now;
      hourCount = 0;
    }
    if (minuteCount >= perMinute) {
      return refused(perMinute, minuteStart + MINUTE_MILLIS, "1m", now);
    }
    if (hourCount >= perHour) {
      return refused(perHour, hourStart + HOUR_MILLIS, "1h", now);
    }
    minuteCount++;
    hourCount++;
    return new Verdict(true, perMinute, perMinute - minuteCount, ceilSeconds(minuteStart + MINUTE_MILLIS), "1m", 0);
  }

  private static Verdict refused(int limit, long endMillis, String window, long now) {
    long resetAt = ceilSeconds(endMillis);
    long retryAfter = Math.max(1, resetAt - Math.floorDiv(now, 1000L));
    return new Verdict(false, limit, 0, resetAt, window, retryAfter);
  }

  private static long ceilSeconds(long millis) {
    return Math.floorDiv(millis + 999, 1000L);
  }

  /**
   * What one request gets.
   *
   * @param allowed whether the request may go on
   * @param limit {@code X-RateLimit-Limit} and, when refused, {@code details.limit}
   * @param remaining {@code X-RateLimit-Remaining}
   * @param resetAtSeconds {@code X-RateLimit-Reset}, Unix seconds
   * @param window the reported window, {@code 1m} or {@code 1h}
   * @param retryAfterSeconds for a refused request, {@code Retry-After} and {@code
   *     details.retry_after}; 0 otherwise
   */
  record Verdict(boolean allowed, int limit, int remaining, long resetAtSeconds, String window,
      long retryAfterSeconds) {}
}
