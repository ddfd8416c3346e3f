package dev.polylink.core.testing;

import dev.polylink.core.LinkClientListener;
import dev.polylink.core.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A sleeper that records the waits it is asked for and returns at once, and moves time on by what
 * it "slept": its own {@link #clock()} and, when given one, a test's clock. A client built with
 * this sleeper must read its time from that clock: its rate-limit pacing and {@code Retry-After}
 * pauses are measured on it, and a wait that left the clock where it was would still be owed on the
 * next request.
 *
 * <p>Registered as a listener too ({@code addListener(sleeper)}), it tells the waits for the
 * client's rate-limit budget ({@link #rateLimitWaits()}, announced by {@code rateLimitWait} just
 * before the sleep on the same thread) from the waits before a retry ({@link #retryWaits()}).
 */
public final class RecordingSleeper implements RetryPolicy.Sleeper, LinkClientListener {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<Duration> rateLimitWaits = new CopyOnWriteArrayList<>();
  private final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Duration> announced = new ThreadLocal<>();
  private final AtomicLong sleptNanos = new AtomicLong();
  private final Instant start; // null: the clock is the system clock plus the waits
  private final Consumer<Duration> advance;

  /** A sleeper whose {@link #clock()} is the system clock plus every wait so far. */
  public RecordingSleeper() {
    this(null, d -> { });
  }

  /**
   * A sleeper whose waits also move a test's clock, e.g. {@code new
   * RecordingSleeper(mutableClock::advance)}.
   *
   * @param advance moves the test's clock by a wait
   */
  public RecordingSleeper(Consumer<Duration> advance) {
    this(null, advance);
  }

  private RecordingSleeper(Instant start, Consumer<Duration> advance) {
    this.start = start;
    this.advance = advance;
  }

  /**
   * {@return a sleeper whose {@link #clock()} stands at {@code start} and moves only by the waits}
   *
   * @param start the instant the clock starts at
   */
  public static RecordingSleeper startingAt(Instant start) {
    return new RecordingSleeper(start, d -> { });
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    Duration pacing = announced.get();
    announced.remove();
    (duration.equals(pacing) ? rateLimitWaits : retryWaits).add(duration);
    sleptNanos.addAndGet(duration.toNanos());
    advance.accept(duration);
  }

  @Override
  public void rateLimitWait(RateLimitWait event) {
    announced.set(event.delay());
  }

  /** {@return every wait, in order} */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** {@return the waits that {@code rateLimitWait} did not announce: backoff and Retry-After} */
  public List<Duration> retryWaits() {
    return List.copyOf(retryWaits);
  }

  /** {@return the waits for the client's rate-limit budget (needs the sleeper as a listener)} */
  public List<Duration> rateLimitWaits() {
    return List.copyOf(rateLimitWaits);
  }

  /** Forgets the waits recorded so far; the time they moved stays moved. */
  public void clear() {
    waits.clear();
    rateLimitWaits.clear();
    retryWaits.clear();
  }

  /**
   * Lets {@code duration} pass on the clocks without recording a wait (time between cases).
   *
   * @param duration how long
   */
  public void passTime(Duration duration) {
    sleptNanos.addAndGet(duration.toNanos());
    advance.accept(duration);
  }

  /** {@return the start (or the system clock) plus every wait this sleeper was asked for, in UTC} */
  public Clock clock() {
    return new SleptClock(ZoneOffset.UTC);
  }

  /** The clock of {@link #clock()}, in a zone. */
  private final class SleptClock extends Clock {
    private final ZoneId zone;

    SleptClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new SleptClock(other);
    }

    @Override
    public Instant instant() {
      return (start != null ? start : Instant.now()).plusNanos(sleptNanos.get());
    }
  }
}
