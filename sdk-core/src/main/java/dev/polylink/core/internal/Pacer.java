package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client-side rate limiter, reservation-based and non-blocking: {@link #reserve} takes a slot and
 * says how long to wait for it; the caller waits (the retry interceptor through its sleeper, an
 * asynchronous client on a scheduler). One pacer may be shared by several clients of one account.
 *
 * <p>Each window is a GCRA (virtual-time token bucket): {@code limit} requests per {@code period},
 * at most {@code burst} back to back. A reservation takes a slot in every window at the latest of
 * their earliest times, so the waits of concurrent callers queue up instead of stampeding.
 *
 * <p>Choices, following the AWS SDK v2's adaptive client-side rate limiter where the issue is
 * silent:
 *
 * <ul>
 *   <li>The seeded rate is the vendor's documented limit times {@value #MARGIN} (2 % below it): the
 *       vendors count in fixed windows on their clock, and requests that start evenly spaced arrive
 *       jittered; 2 % absorbs about one interval of jitter per window.
 *   <li>A 429 that is not a quota ({@link #throttled}) multiplies the rate by {@value #BETA} (AWS's
 *       beta); after it the rate grows back along AWS's cubic curve ({@value #SCALE} scale) toward the
 *       seeded rate, never above it; never below {@value #MIN_RATE} requests a second (AWS's minimum
 *       fill rate). AWS lowers the rate because it does not know the limit; where the vendor reports
 *       the window's limit in its headers (xQR's {@code X-RateLimit-Burst-Limit}) the client already
 *       paces below it, and an isolated 429 (none in the {@value #ISOLATED_PERIODS} periods of the
 *       window before) is the jitter of requests arriving in the vendor's fixed window: it is waited
 *       out ({@code Retry-After}) without lowering the rate. A second one within that time lowers it
 *       (several clients of one account that share no {@code RateBudget}, say).
 *   <li>A {@code Retry-After} stops every start until it passes ({@link #pauseUntil}).
 *   <li>A window the vendor reports as used up ({@code remaining} 0) stops every start until its
 *       reset, where the vendor says when; a limit the vendor reports for a named window replaces
 *       the seeded one.
 *   <li>A used-up quota ({@link #quotaExhausted}) fails each start at once until its reset. Where
 *       the vendor names no reset (xQR's monthly quota), one start every {@link #QUOTA_PROBE} is let
 *       through to ask again: otherwise a long-lived client would never see the new month.
 * </ul>
 */
public final class Pacer {
  static final double MARGIN = 0.98;
  static final double BETA = 0.7;
  static final double SCALE = 0.4;
  static final double MIN_RATE = 0.5;
  /** How many periods of a reported window a 429 must follow the previous one by to count as jitter. */
  static final int ISOLATED_PERIODS = 10;
  /** How often a quota used up with no known reset is asked again: one request a minute. */
  static final java.time.Duration QUOTA_PROBE = java.time.Duration.ofMinutes(1);

  private final Clock clock;
  private final boolean adaptive;
  /** Set once (by {@link #fixed} or the first {@link #seed}) and never changed after: read without the lock. */
  private volatile List<Window> windows = List.of();
  private boolean seeded;
  private long pausedUntilNanos = Long.MIN_VALUE;
  private long lastNowNanos = Long.MIN_VALUE;
  private Instant quotaResetAt;
  /** Written under the lock; volatile for {@link #observe}'s check without it. */
  private volatile boolean quotaExhausted;
  private Instant quotaSince; // when a used-up quota without a reset was last reported

  /** A pacer whose times are read from {@code clock}. */
  private Pacer(Clock clock, boolean adaptive) {
    this.clock = clock;
    this.adaptive = adaptive;
  }

  /**
   * {@return a pacer that adapts the vendor's documented windows (seeded by {@link #seed})}
   *
   * @param clock the clock
   */
  public static Pacer adaptive(Clock clock) {
    return new Pacer(clock, true);
  }

  /**
   * {@return a pacer with one fixed window that neither seeding nor 429s change}
   *
   * @param clock the clock
   * @param requests requests per period
   * @param period the period
   */
  public static Pacer fixed(Clock clock, long requests, Duration period) {
    Pacer p = new Pacer(clock, false);
    p.windows = List.of(new Window("fixed", requests, period, 1, 1.0));
    p.seeded = true;
    return p;
  }

  /**
   * Seeds an adaptive pacer from a provider's documented windows, once: a shared pacer keeps the
   * first client's seed.
   *
   * @param documented the documented windows
   */
  public synchronized void seed(List<DocumentedLimit> documented) {
    if (seeded || !adaptive) {
      return;
    }
    seeded = true;
    List<Window> seededWindows = new ArrayList<>();
    for (DocumentedLimit d : documented) {
      seededWindows.add(new Window(d.window, d.requests, d.period, d.burst, MARGIN));
    }
    windows = List.copyOf(seededWindows);
  }

  /** A vendor's documented limit: {@code requests} per {@code period}, {@code burst} back to back. */
  public static final class DocumentedLimit {
    final String window;
    final long requests;
    final Duration period;
    final long burst;

    /**
     * A documented limit.
     *
     * @param window the window's name as {@code RateLimitStatus.window()} reports it, or null
     * @param requests requests per period
     * @param period the period
     * @param burst requests allowed back to back (1 for evenly spaced)
     */
    public DocumentedLimit(String window, long requests, Duration period, long burst) {
      this.window = window;
      this.requests = requests;
      this.period = period;
      this.burst = Math.max(1, burst);
    }
  }

  /**
   * The clock's time in nanoseconds. A clock that moved back (an NTP step, a test's clock set back)
   * moves the windows and the pause back with it: the time already owed stays owed, and a jump
   * back never becomes a wait as long as the jump.
   */
  private long now() {
    Instant i = clock.instant();
    long now = i.getEpochSecond() * 1_000_000_000L + i.getNano();
    if (lastNowNanos != Long.MIN_VALUE && now < lastNowNanos) {
      long back = lastNowNanos - now;
      for (Window w : windows) {
        w.shift(back);
      }
      if (pausedUntilNanos != Long.MIN_VALUE) {
        pausedUntilNanos -= back;
      }
    }
    lastNowNanos = now;
    return now;
  }

  /** Why a start is refused at once. */
  public static final class QuotaExhausted extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Instant resetAt;

    QuotaExhausted(Instant resetAt) {
      super(null, null, false, false);
      this.resetAt = resetAt;
    }

    /** {@return the reset the vendor reported, or null} */
    public Instant resetAt() {
      return resetAt;
    }
  }

  /**
   * Takes the next slot if it starts within {@code maxWaitNanos}.
   *
   * @param maxWaitNanos the longest acceptable wait
   * @return the wait in nanoseconds (0: go now); a negative value {@code -w} means the slot would
   *     need {@code w} and was not taken
   * @throws QuotaExhausted when a quota is used up until its reset
   */
  public synchronized long reserve(long maxWaitNanos) throws QuotaExhausted {
    return reserve(maxWaitNanos, true);
  }

  /**
   * {@link #reserve(long)}; {@code honourPause} false for the retry of the attempt whose 429 set
   * the pause, which has just waited it out itself.
   *
   * @param maxWaitNanos the longest acceptable wait
   * @param honourPause whether a {@code Retry-After} pause holds this start back
   * @return as {@link #reserve(long)}
   * @throws QuotaExhausted when a quota is used up until its reset
   */
  public synchronized long reserve(long maxWaitNanos, boolean honourPause) throws QuotaExhausted {
    long now = now();
    if (quotaExhausted) {
      Instant at = clock.instant();
      if (quotaResetAt != null ? at.isBefore(quotaResetAt)
          : quotaSince != null && at.isBefore(quotaSince.plus(QUOTA_PROBE))) {
        throw new QuotaExhausted(quotaResetAt);
      }
      quotaExhausted = false; // the reset passed, or this start asks whether it did
    }
    long start = honourPause ? Math.max(now, pausedUntilNanos) : now;
    for (Window w : windows) {
      w.recover(now);
      start = Math.max(start, w.earliest());
    }
    long wait = start - now;
    if (wait > maxWaitNanos) {
      return -Math.max(1, wait);
    }
    for (Window w : windows) {
      w.take(start);
    }
    return wait;
  }

  /**
   * No request starts before {@code wait} from now passes (a 429's {@code Retry-After}).
   *
   * @param wait how long
   */
  public synchronized void pauseUntil(Duration wait) {
    pausedUntilNanos = Math.max(pausedUntilNanos, now() + Deadline.saturatedNanos(wait));
  }

  /** A 429 that is not a quota: the adaptive rate drops by {@value #BETA}. */
  public synchronized void throttled() {
    if (!adaptive) {
      return;
    }
    long now = now();
    for (Window w : windows) {
      w.throttled(now);
    }
  }

  /**
   * A monthly or feature quota is used up until {@code resetAt} (null: until a later answer says).
   *
   * @param resetAt the reported reset, or null
   */
  public synchronized void quotaExhausted(Instant resetAt) {
    quotaExhausted = true;
    quotaResetAt = resetAt;
    quotaSince = clock.instant();
  }

  /**
   * Corrects the windows from what the vendor reported in one response. What almost every response
   * reports (a window with room left, whose limit the pacer already has) changes nothing and is
   * recognised without taking the pacer's lock, which every thread of every client sharing the
   * pacer would otherwise take once more per response. Concurrent answers are observed in no
   * defined order either way.
   *
   * @param status a reported window
   * @param quotaWindow whether this window is a quota (used up: fail at once) rather than a rate
   */
  public void observe(RateLimitStatus status, boolean quotaWindow) {
    if (changesNothing(status, quotaWindow)) {
      return;
    }
    synchronized (this) {
      observeLocked(status, quotaWindow);
    }
  }

  /** Whether {@link #observeLocked} would change nothing (read without the lock). */
  private boolean changesNothing(RateLimitStatus status, boolean quotaWindow) {
    java.util.OptionalLong remaining = status.remaining();
    if (remaining.isPresent() && remaining.getAsLong() == 0) {
      return false;
    }
    if (quotaWindow) {
      return remaining.isEmpty() || !quotaExhausted;
    }
    java.util.OptionalLong limit = status.limit();
    if (!adaptive || limit.isEmpty() || status.window().isEmpty() || limit.getAsLong() <= 0) {
      return true;
    }
    String name = status.window().get();
    for (Window w : windows) {
      if (name.equals(w.name) && !(w.reported && w.limit == limit.getAsLong())) {
        return false;
      }
    }
    return true;
  }

  private void observeLocked(RateLimitStatus status, boolean quotaWindow) {
    boolean usedUp = status.remaining().isPresent() && status.remaining().getAsLong() == 0;
    if (quotaWindow) {
      if (usedUp) {
        quotaExhausted = true;
        quotaResetAt = status.resetAt().orElse(null);
        quotaSince = clock.instant();
      } else if (status.remaining().isPresent()) {
        quotaExhausted = false;
      }
      return;
    }
    if (adaptive && status.limit().isPresent() && status.window().isPresent()) {
      for (Window w : windows) {
        if (status.window().get().equals(w.name) && status.limit().getAsLong() > 0) {
          w.reported = true;
          if (status.limit().getAsLong() != w.limit) {
            w.relimit(status.limit().getAsLong(), now());
          }
        }
      }
    }
    if (usedUp && status.resetAt().isPresent()) {
      Instant reset = status.resetAt().get();
      long resetNanos = reset.getEpochSecond() * 1_000_000_000L + reset.getNano();
      pausedUntilNanos = Math.max(pausedUntilNanos, resetNanos);
    }
  }

  /** {@return the current rate of the tightest window, requests a second; for tests} */
  synchronized double ratePerSecond() {
    double rate = Double.POSITIVE_INFINITY;
    for (Window w : windows) {
      rate = Math.min(rate, w.rate);
    }
    return rate;
  }

  /** One window: GCRA with an adaptive rate. */
  private static final class Window {
    final String name;
    final long burst;
    final double margin;
    final Duration period;
    /** Written under the pacer's lock; volatile for {@link #changesNothing}. */
    volatile long limit;
    double maxRate; // requests a second, the ceiling
    double rate;
    double lastMaxRate;
    long lastThrottleNanos = Long.MIN_VALUE;
    long tatNanos = Long.MIN_VALUE; // the theoretical arrival time of the next slot
    long lastStartNanos = Long.MIN_VALUE; // the start of the last slot taken
    long lastLimitedNanos = Long.MIN_VALUE; // the last 429, lowering the rate or not
    volatile boolean reported; // the vendor reported this window's limit (volatile as limit)

    Window(String name, long limit, Duration period, long burst, double margin) {
      this.name = name;
      this.period = period;
      this.burst = burst;
      this.margin = margin;
      setLimit(limit);
      this.rate = maxRate;
    }

    private void setLimit(long newLimit) {
      this.limit = newLimit;
      this.maxRate = newLimit * margin / (period.toNanos() / 1e9);
    }

    void relimit(long newLimit, long now) {
      long before = tatNanos == Long.MIN_VALUE ? 0 : interval();
      setLimit(newLimit);
      rate = Math.min(rate, maxRate);
      if (lastThrottleNanos == Long.MIN_VALUE) {
        rate = maxRate;
      }
      // A lower limit spaces the next slot from the last one taken at the new interval, not at the
      // old one: the vendor counts the request just sent in the same window as the next.
      if (lastStartNanos != Long.MIN_VALUE && interval() > before) {
        tatNanos = Math.max(tatNanos, lastStartNanos + interval());
      }
    }

    long interval() {
      return (long) (1e9 / rate);
    }

    long earliest() {
      if (tatNanos == Long.MIN_VALUE) {
        return Long.MIN_VALUE;
      }
      return tatNanos - (burst - 1) * interval();
    }

    void take(long start) {
      lastStartNanos = Math.max(lastStartNanos, start);
      tatNanos = Math.max(tatNanos == Long.MIN_VALUE ? start : tatNanos, start - (burst - 1) * interval())
          + interval();
    }

    void shift(long back) {
      if (tatNanos != Long.MIN_VALUE) {
        tatNanos -= back;
      }
      if (lastStartNanos != Long.MIN_VALUE) {
        lastStartNanos -= back;
      }
      if (lastLimitedNanos != Long.MIN_VALUE) {
        lastLimitedNanos -= back;
      }
      if (lastThrottleNanos != Long.MIN_VALUE) {
        lastThrottleNanos -= back;
      }
    }

    void throttled(long now) {
      boolean isolated = reported
          && (lastLimitedNanos == Long.MIN_VALUE || now - lastLimitedNanos > ISOLATED_PERIODS * period.toNanos());
      lastLimitedNanos = now;
      if (isolated) {
        return;
      }
      lastMaxRate = rate;
      rate = Math.max(MIN_RATE, rate * BETA);
      lastThrottleNanos = now;
    }

    /** AWS's cubic growth back toward the ceiling after a throttle. */
    void recover(long now) {
      if (lastThrottleNanos == Long.MIN_VALUE || rate >= maxRate) {
        return;
      }
      double t = (now - lastThrottleNanos) / 1e9;
      double k = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
      double cubic = SCALE * Math.pow(t - k, 3) + lastMaxRate;
      rate = Math.min(maxRate, Math.max(rate, Math.max(MIN_RATE, cubic)));
    }
  }
}
