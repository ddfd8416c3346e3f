package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
 *
 * <p>Concurrency: no lock. Every client sharing the pacer reserves once per attempt, and a monitor
 * there convoys: with more threads than cores, a thread descheduled while holding it makes every
 * other queue behind it for a scheduler quantum (64 threads on 2 cores measured 42 s blocked in 25
 * s). Instead all mutable pacing state is one immutable {@link State} (each window's rarely changing
 * rate as an immutable {@link Window}, the two times every reservation moves as a {@code long[]}),
 * replaced whole by compare-and-set: a reservation reads the state and the clock, computes the next
 * state as the serial code would, and retries if another thread replaced the state in between. A
 * descheduled thread blocks nobody; its compare-and-set just fails later. One atomic reference, not
 * a field per window, because a reservation takes its slot in every window at once and the rare
 * changes ({@link #seed}, {@link #pauseUntil}, {@link #throttled}, {@link #quotaExhausted}, {@link
 * #observe}) must not be lost against it: they go through the same compare-and-set, on a mutable
 * copy ({@link Draft}). Reading the clock after the state keeps the clock times that succeeding
 * updates see in their order, so a retry never mistakes a rival's later reading for the clock moving
 * back. The price is one new state per reservation (a {@code State} and a {@code long[]} of two
 * longs per window: 80 bytes for one window, 96 for two), where the lock cost none.
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

  private static final long NONE = Long.MIN_VALUE;
  private static final Window[] NO_WINDOWS = {};
  private static final long[] NO_SLOTS = {};
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Pacer.class, "state", State.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Clock clock;
  private final boolean adaptive;
  /** All the pacing state; replaced only by compare-and-set ({@link #STATE}). */
  private volatile State state;

  /** A pacer whose times are read from {@code clock}. */
  private Pacer(Clock clock, boolean adaptive, State initial) {
    this.clock = clock;
    this.adaptive = adaptive;
    this.state = initial;
  }

  /**
   * {@return a pacer that adapts the vendor's documented windows (seeded by {@link #seed})}
   *
   * @param clock the clock
   */
  public static Pacer adaptive(Clock clock) {
    return new Pacer(clock, true, new State(false, NO_WINDOWS, NO_SLOTS, NONE, NONE, null));
  }

  /**
   * {@return a pacer with one fixed window that neither seeding nor 429s change}
   *
   * @param clock the clock
   * @param requests requests per period
   * @param period the period
   */
  public static Pacer fixed(Clock clock, long requests, Duration period) {
    Window[] windows = {new Window("fixed", requests, period, 1, 1.0)};
    return new Pacer(clock, false, new State(true, windows, freshSlots(1), NONE, NONE, null));
  }

  /**
   * Seeds an adaptive pacer from a provider's documented windows, once: a shared pacer keeps the
   * first client's seed.
   *
   * @param documented the documented windows
   */
  public void seed(List<DocumentedLimit> documented) {
    if (!adaptive) {
      return;
    }
    Window[] seeded = new Window[documented.size()];
    for (int i = 0; i < seeded.length; i++) {
      DocumentedLimit d = documented.get(i);
      seeded[i] = new Window(d.window, d.requests, d.period, d.burst, MARGIN);
    }
    update(d -> {
      if (d.seeded) {
        return false;
      }
      d.seeded = true;
      d.windows = seeded;
      d.slots = freshSlots(seeded.length);
      return true;
    });
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
  public long reserve(long maxWaitNanos) throws QuotaExhausted {
    return reserve(maxWaitNanos, true);
  }

  /**
   * {@link #reserve(long)}; {@code honourPause} false for the retry of the attempt whose 429 set
   * the pause, which has just waited it out itself. Lock-free (see the class comment): the common
   * case allocates the next {@link State} and its slots, copies of the windows only while a rate
   * recovers from a throttle, and a {@link Draft} only when the clock moved back.
   *
   * @param maxWaitNanos the longest acceptable wait
   * @param honourPause whether a {@code Retry-After} pause holds this start back
   * @return as {@link #reserve(long)}
   * @throws QuotaExhausted when a quota is used up until its reset
   */
  public long reserve(long maxWaitNanos, boolean honourPause) throws QuotaExhausted {
    for (;;) {
      State seen = state;
      long now = nanos(clock.instant()); // read after the state: see the class comment
      State s = seen;
      if (seen.lastNow != NONE && now < seen.lastNow) {
        Draft shifted = new Draft(seen);
        shifted.now(now);
        s = shifted.freeze();
      }
      Quota quota = s.quota;
      if (quota != null) {
        Instant at = clock.instant();
        // Duration.between, not since.plus(QUOTA_PROBE): a minute after a clock near Instant.MAX is
        // past what an Instant holds.
        if (quota.resetAt != null ? at.isBefore(quota.resetAt)
            : quota.since != null && Duration.between(quota.since, at).compareTo(QUOTA_PROBE) < 0) {
          if (STATE.compareAndSet(this, seen, s.at(now))) {
            throw new QuotaExhausted(quota.resetAt);
          }
          continue;
        }
        quota = null; // the reset passed, or this start asks whether it did
      }
      Window[] windows = s.windows;
      for (int i = 0; i < windows.length; i++) {
        Window recovered = windows[i].recover(now);
        if (recovered != windows[i]) {
          if (windows == s.windows) {
            windows = windows.clone();
          }
          windows[i] = recovered;
        }
      }
      long[] slots = s.slots;
      long start = honourPause ? Math.max(now, s.pausedUntil) : now;
      for (int i = 0; i < windows.length; i++) {
        start = Math.max(start, windows[i].earliest(slots[2 * i]));
      }
      long wait = minus(start, now);
      boolean take = wait <= maxWaitNanos;
      if (take && windows.length > 0) {
        long[] taken = new long[slots.length];
        for (int i = 0; i < windows.length; i++) {
          taken[2 * i] = windows[i].take(slots[2 * i], start);
          taken[2 * i + 1] = Math.max(slots[2 * i + 1], start);
        }
        slots = taken;
      }
      long result = take ? wait : -Math.max(1, wait);
      if (s == seen && windows == s.windows && slots == s.slots && quota == s.quota
          && (now == s.lastNow || s.shiftsNothing())) {
        return result; // the next state would equal this one: nothing to publish
      }
      if (STATE.compareAndSet(this, seen, new State(s.seeded, windows, slots, now, s.pausedUntil, quota))) {
        return result;
      }
      // Another thread published meanwhile. Retried at once, this one mostly loses again to the
      // thread on the other core and both keep moving the state's cache line between them; letting
      // another thread run first took about 1.5x the reservations a second with 2 and 64 threads.
      Thread.yield();
    }
  }

  /**
   * No request starts before {@code wait} from now passes (a 429's {@code Retry-After}).
   *
   * @param wait how long
   */
  public void pauseUntil(Duration wait) {
    long waitNanos = Deadline.saturatedNanos(wait);
    update(d -> {
      // now() first: a clock that moved back moves the pause already set back with it, and the
      // longer of the two is compared on the clock as it reads now. A wait too long for the sum to
      // hold is the longest pause a long holds.
      long now = d.now(nanos(clock.instant()));
      d.pausedUntil = Math.max(d.pausedUntil, plus(now, waitNanos));
      return true;
    });
  }

  /** A 429 that is not a quota: the adaptive rate drops by {@value #BETA}. */
  public void throttled() {
    if (!adaptive) {
      return;
    }
    update(d -> {
      long now = d.now(nanos(clock.instant()));
      d.copyWindows();
      for (int i = 0; i < d.windows.length; i++) {
        d.windows[i] = d.windows[i].throttled(now);
      }
      return true;
    });
  }

  /**
   * A monthly or feature quota is used up until {@code resetAt} (null: until a later answer says).
   *
   * @param resetAt the reported reset, or null
   */
  public void quotaExhausted(Instant resetAt) {
    update(d -> {
      Instant at = clock.instant();
      d.now(nanos(at)); // a clock moved back moves the state first, as observe does
      d.quota = new Quota(resetAt, at);
      return true;
    });
  }

  /**
   * {@link #observe(RateLimitStatus, boolean)}, the window a quota when its name is one of {@code
   * quotaWindows}: what the retry interceptor (for each window of the headers) and the transport
   * (for a state a provider read from a body) both ask, for every response.
   *
   * @param status a reported window
   * @param quotaWindows the names of the vendor's quota windows
   */
  public void observe(RateLimitStatus status, java.util.Set<String> quotaWindows) {
    java.util.Optional<String> name = status.window();
    observe(status, name.isPresent() && !quotaWindows.isEmpty() && quotaWindows.contains(name.get()));
  }

  /**
   * Corrects the windows from what the vendor reported in one response. What almost every response
   * reports (a window with room left, whose limit the pacer already has) changes nothing and is
   * recognised from the current state alone, without a new one, which every thread of every client
   * sharing the pacer would otherwise publish once more per response. Concurrent answers are
   * observed in no defined order either way.
   *
   * @param status a reported window
   * @param quotaWindow whether this window is a quota (used up: fail at once) rather than a rate
   */
  public void observe(RateLimitStatus status, boolean quotaWindow) {
    if (changesNothing(state, status, quotaWindow)) {
      return;
    }
    update(d -> {
      observe(d, status, quotaWindow);
      return true;
    });
  }

  /** Whether {@link #observe(Draft, RateLimitStatus, boolean)} would change {@code s}. */
  private boolean changesNothing(State s, RateLimitStatus status, boolean quotaWindow) {
    java.util.OptionalLong remaining = status.remaining();
    if (remaining.isPresent() && remaining.getAsLong() == 0) {
      return false;
    }
    if (quotaWindow) {
      return remaining.isEmpty() || s.quota == null;
    }
    java.util.OptionalLong limit = status.limit();
    if (!adaptive || limit.isEmpty() || status.window().isEmpty() || limit.getAsLong() <= 0) {
      return true;
    }
    String name = status.window().get();
    for (Window w : s.windows) {
      if (name.equals(w.name) && !(w.reported && w.limit == limit.getAsLong())) {
        return false;
      }
    }
    return true;
  }

  private void observe(Draft d, RateLimitStatus status, boolean quotaWindow) {
    boolean usedUp = status.remaining().isPresent() && status.remaining().getAsLong() == 0;
    // What the vendor reports is on the clock as it reads now: a clock that moved back since the
    // state last changed moves the state first, so that a reset or quota time stored here is not
    // moved back once more by the next reservation.
    Instant at = clock.instant();
    d.now(nanos(at));
    if (quotaWindow) {
      if (usedUp) {
        d.quota = new Quota(status.resetAt().orElse(null), at);
      } else if (status.remaining().isPresent()) {
        d.quota = null;
      }
      return;
    }
    if (adaptive && status.limit().isPresent() && status.window().isPresent()) {
      d.copyWindows();
      for (int i = 0; i < d.windows.length; i++) {
        if (status.window().get().equals(d.windows[i].name) && status.limit().getAsLong() > 0) {
          d.windows[i] = d.windows[i].reported();
          if (status.limit().getAsLong() != d.windows[i].limit) {
            d.relimit(i, status.limit().getAsLong());
          }
        }
      }
    }
    if (usedUp && status.resetAt().isPresent()) {
      d.pausedUntil = Math.max(d.pausedUntil, nanos(status.resetAt().get()));
    }
  }

  /** {@return the current rate of the tightest window, requests a second; for tests} */
  double ratePerSecond() {
    double rate = Double.POSITIVE_INFINITY;
    for (Window w : state.windows) {
      rate = Math.min(rate, w.rate);
    }
    return rate;
  }

  /** A change to the state other than a reservation; false: it changes nothing. */
  private interface Change {
    boolean apply(Draft d);
  }

  /**
   * Applies a rare change on a copy of the state and publishes the copy by the same compare-and-set
   * as {@link #reserve}, again from a fresh copy if a reservation came between: nothing is lost, and
   * the change sees the clock read after the state it changes.
   */
  private void update(Change change) {
    for (;;) {
      State seen = state;
      Draft d = new Draft(seen);
      if (!change.apply(d) || STATE.compareAndSet(this, seen, d.freeze())) {
        return;
      }
    }
  }

  /**
   * {@return nanoseconds since the epoch} Saturated: an instant past 2262 (a vendor's reset far
   * ahead) is {@code Long.MAX_VALUE}, one before 1677 {@code NONE + 1}, never {@code NONE}.
   */
  private static long nanos(Instant i) {
    long seconds = i.getEpochSecond();
    long whole = seconds * 1_000_000_000L;
    if (Math.multiplyHigh(seconds, 1_000_000_000L) != whole >> 63) {
      return seconds > 0 ? Long.MAX_VALUE : NONE + 1;
    }
    return plus(whole, i.getNano());
  }

  /**
   * {@code a + b}, saturated: a sum past {@code Long.MAX_VALUE} is that (a pause or time as far
   * ahead as a long holds), one below the range {@code NONE + 1}, so that a time never becomes
   * {@code NONE}, which means "none".
   */
  static long plus(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return b > 0 ? Long.MAX_VALUE : NONE + 1;
    }
    return sum == NONE ? NONE + 1 : sum;
  }

  /** {@code a - b}, saturated as {@link #plus}. */
  static long minus(long a, long b) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      return b < 0 ? Long.MAX_VALUE : NONE + 1;
    }
    return difference == NONE ? NONE + 1 : difference;
  }

  /** {@code windows} times the slots of a window nothing has taken yet. */
  private static long[] freshSlots(int windows) {
    if (windows == 0) {
      return NO_SLOTS;
    }
    long[] slots = new long[2 * windows];
    Arrays.fill(slots, NONE);
    return slots;
  }

  /** A used-up quota: until {@code resetAt} (null: unknown), reported at {@code since}. */
  private static final class Quota {
    final Instant resetAt;
    final Instant since;

    Quota(Instant resetAt, Instant since) {
      this.resetAt = resetAt;
      this.since = since;
    }
  }

  /**
   * All the pacing state at one moment, immutable once published (its arrays too: a change copies
   * them). Window {@code i}'s theoretical arrival time of the next slot is {@code slots[2 i]}, the
   * start of its last slot taken {@code slots[2 i + 1]}: the two values every reservation moves, kept
   * out of {@link Window} so that a reservation copies two longs a window, not the windows.
   */
  private static final class State {
    final boolean seeded;
    final Window[] windows;
    final long[] slots;
    /** The clock's time at the last change, to see the clock move back ({@link Draft#now}). */
    final long lastNow;
    final long pausedUntil;
    /** Null: no quota used up. */
    final Quota quota;

    State(boolean seeded, Window[] windows, long[] slots, long lastNow, long pausedUntil, Quota quota) {
      this.seeded = seeded;
      this.windows = windows;
      this.slots = slots;
      this.lastNow = lastNow;
      this.pausedUntil = pausedUntil;
      this.quota = quota;
    }

    /** {@return this state as last changed at {@code now}} */
    State at(long now) {
      return now == lastNow ? this : new State(seeded, windows, slots, now, pausedUntil, quota);
    }

    /** Whether a clock moving back would move nothing: {@code lastNow} does not matter then. */
    boolean shiftsNothing() {
      return windows.length == 0 && pausedUntil == NONE;
    }
  }

  /** A mutable copy of a {@link State}, for the rare changes; {@link #freeze} makes the next state. */
  private static final class Draft {
    boolean seeded;
    Window[] windows;
    long[] slots;
    long lastNow;
    long pausedUntil;
    Quota quota;
    private boolean windowsCopied;

    Draft(State s) {
      seeded = s.seeded;
      windows = s.windows;
      slots = s.slots.length == 0 ? NO_SLOTS : s.slots.clone();
      lastNow = s.lastNow;
      pausedUntil = s.pausedUntil;
      quota = s.quota;
    }

    /** Makes {@link #windows} this draft's own, to replace its elements. */
    void copyWindows() {
      if (!windowsCopied) {
        windows = windows.clone();
        windowsCopied = true;
      }
    }

    /**
     * Takes {@code now}, the clock's time in nanoseconds, and returns it. A clock that moved back (an
     * NTP step, a test's clock set back) moves the windows, the pause and the start of a quota's
     * probe minute back with it: the time already owed stays owed, and a jump back never becomes a
     * wait as long as the jump. Every change that stores a time read from the clock or reported by
     * the vendor calls this first, so that the time is stored on the clock as it reads now and is
     * not moved back once more by the next change.
     */
    long now(long now) {
      if (lastNow != NONE && now < lastNow) {
        long back = minus(lastNow, now);
        copyWindows();
        for (int i = 0; i < windows.length; i++) {
          windows[i] = windows[i].shifted(back);
          if (slots[2 * i] != NONE) {
            slots[2 * i] = minus(slots[2 * i], back);
          }
          if (slots[2 * i + 1] != NONE) {
            slots[2 * i + 1] = minus(slots[2 * i + 1], back);
          }
        }
        if (pausedUntil != NONE) {
          pausedUntil = minus(pausedUntil, back);
        }
        if (quota != null && quota.since != null) {
          // The start of the probe's minute is a time on this clock too (a vendor's reset is not).
          quota = new Quota(quota.resetAt, quota.since.minusNanos(back));
        }
      }
      lastNow = now;
      return now;
    }

    /** Window {@code i}'s limit becomes {@code newLimit}. */
    void relimit(int i, long newLimit) {
      Window w = windows[i];
      long tat = slots[2 * i];
      long lastStart = slots[2 * i + 1];
      long before = tat == NONE ? 0 : w.interval;
      copyWindows();
      Window relimited = w.relimited(newLimit);
      windows[i] = relimited;
      // A lower limit spaces the next slot from the last one taken at the new interval, not at the
      // old one: the vendor counts the request just sent in the same window as the next.
      if (lastStart != NONE && relimited.interval > before) {
        slots[2 * i] = Math.max(tat, plus(lastStart, relimited.interval));
      }
    }

    State freeze() {
      return new State(seeded, windows, slots, lastNow, pausedUntil, quota);
    }
  }

  /**
   * One window: GCRA with an adaptive rate; immutable, a change makes a new one. Its slot times are
   * in {@link State#slots}.
   */
  private static final class Window {
    final String name;
    final long burst;
    final double margin;
    final Duration period;
    final long limit;
    final double maxRate; // requests a second, the ceiling
    final double rate;
    final double lastMaxRate;
    final long lastThrottleNanos;
    final long lastLimitedNanos; // the last 429, lowering the rate or not
    final boolean reported; // the vendor reported this window's limit
    /** Between slots at {@link #rate}, nanoseconds. */
    final long interval;

    Window(String name, long limit, Duration period, long burst, double margin) {
      this(name, burst, margin, period, limit, maxRate(limit, margin, period), maxRate(limit, margin, period), 0,
          NONE, NONE, false);
    }

    private Window(String name, long burst, double margin, Duration period, long limit, double maxRate, double rate,
        double lastMaxRate, long lastThrottleNanos, long lastLimitedNanos, boolean reported) {
      this.name = name;
      this.burst = burst;
      this.margin = margin;
      this.period = period;
      this.limit = limit;
      this.maxRate = maxRate;
      this.rate = rate;
      this.lastMaxRate = lastMaxRate;
      this.lastThrottleNanos = lastThrottleNanos;
      this.lastLimitedNanos = lastLimitedNanos;
      this.reported = reported;
      this.interval = (long) (1e9 / rate);
    }

    private static double maxRate(long limit, double margin, Duration period) {
      return limit * margin / (period.toNanos() / 1e9);
    }

    private Window with(long newLimit, double newMaxRate, double newRate, double newLastMaxRate, long throttle,
        long limited, boolean newReported) {
      return new Window(name, burst, margin, period, newLimit, newMaxRate, newRate, newLastMaxRate, throttle, limited,
          newReported);
    }

    Window reported() {
      return reported ? this : with(limit, maxRate, rate, lastMaxRate, lastThrottleNanos, lastLimitedNanos, true);
    }

    Window relimited(long newLimit) {
      double newMaxRate = maxRate(newLimit, margin, period);
      double newRate = Math.min(rate, newMaxRate);
      if (lastThrottleNanos == NONE) {
        newRate = newMaxRate;
      }
      return with(newLimit, newMaxRate, newRate, lastMaxRate, lastThrottleNanos, lastLimitedNanos, reported);
    }

    /** {@return the earliest start this window allows, {@code tat} its theoretical arrival time} */
    long earliest(long tat) {
      if (tat == NONE) {
        return NONE;
      }
      return tat - (burst - 1) * interval;
    }

    /**
     * {@return the theoretical arrival time after a slot at {@code start} is taken} GCRA's
     * {@code max(tat, start) + interval}: an idle window's bucket refills to {@code burst} starts
     * and no further ({@code tat} never lags {@code start}; {@link #earliest} applies the burst's
     * tolerance). {@code NONE} is {@code Long.MIN_VALUE}, so a window never taken counts from
     * {@code start}.
     */
    long take(long tat, long start) {
      return plus(Math.max(tat, start), interval);
    }

    Window shifted(long back) {
      return with(limit, maxRate, rate, lastMaxRate, lastThrottleNanos == NONE ? NONE : minus(lastThrottleNanos, back),
          lastLimitedNanos == NONE ? NONE : minus(lastLimitedNanos, back), reported);
    }

    Window throttled(long now) {
      boolean isolated = reported
          && (lastLimitedNanos == NONE || minus(now, lastLimitedNanos) > isolatedNanos());
      if (isolated) {
        return with(limit, maxRate, rate, lastMaxRate, lastThrottleNanos, now, reported);
      }
      return with(limit, maxRate, Math.max(MIN_RATE, rate * BETA), rate, now, now, reported);
    }

    /** {@value #ISOLATED_PERIODS} periods in nanoseconds, saturated: ten of a long window overflow a long. */
    private long isolatedNanos() {
      long p = Deadline.saturatedNanos(period);
      return p > Long.MAX_VALUE / ISOLATED_PERIODS ? Long.MAX_VALUE : ISOLATED_PERIODS * p;
    }

    /** AWS's cubic growth back toward the ceiling after a throttle; this window if it did not grow. */
    Window recover(long now) {
      if (lastThrottleNanos == NONE || rate >= maxRate) {
        return this;
      }
      double t = minus(now, lastThrottleNanos) / 1e9;
      double k = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
      double cubic = SCALE * Math.pow(t - k, 3) + lastMaxRate;
      double grown = Math.min(maxRate, Math.max(rate, Math.max(MIN_RATE, cubic)));
      return grown == rate ? this : with(limit, maxRate, grown, lastMaxRate, lastThrottleNanos, lastLimitedNanos,
          reported);
    }
  }
}
