package dev.polylink.examples;

import dev.polylink.core.LinkClientListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What a command's clients did, for its progress bar and its summary: the HTTP requests they sent,
 * how many the vendor answered 429, and every wait for a vendor's rate limit, whether the client's
 * pacing holds a request back ({@link LinkClientListener#rateLimitWait}) or a 429's {@code
 * Retry-After} is being waited out ({@link LinkClientListener#retryScheduled} of reason {@code
 * RATE_LIMITED}).
 *
 * <p>While a wait is on, the status ({@link #status(Consumer)}, the progress bar's extra message)
 * says so: {@code waiting 0:00:45 for xqr's rate limit (until 10:01:00)}; it is cleared when the
 * waiting request starts its attempt (or its operation ends without one). With several requests in flight, the status shows the latest
 * wait and stays until every waiting request has gone on. The end of a wait is read on the clock
 * given (the system clock in real runs), so a test sees fixed times.
 *
 * <p>Thread-safe: the clients tell it from every thread they send on.
 */
final class RunMonitor implements LinkClientListener {
  private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Clock clock;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicLong waitedMillis = new AtomicLong();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ThreadLocal<Boolean> thisThreadWaits = ThreadLocal.withInitial(() -> false);
  private volatile Consumer<String> status = message -> { };

  RunMonitor(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Where the waiting status goes from now on, e.g. a progress bar's extra message; "" clears it. */
  void status(Consumer<String> sink) {
    this.status = Objects.requireNonNull(sink, "sink");
  }

  /** Forgets what was counted so far (e.g. the demo links an emulator was seeded with). */
  void reset() {
    requests.set(0);
    rateLimited.set(0);
    waitedMillis.set(0);
  }

  /** {@return the HTTP requests (attempts, retries included) sent so far} */
  int requests() {
    return requests.get();
  }

  /** {@return how many of them the vendor answered 429} */
  int rateLimited() {
    return rateLimited.get();
  }

  /** {@return the time spent waiting for rate limits, summed over the requests that waited} */
  Duration waited() {
    return Duration.ofMillis(waitedMillis.get());
  }

  /** The summary line: {@code Requests: 7, answered 429: 2, waited 0:00:02 for rate limits.} */
  String summary() {
    return "Requests: " + requests() + ", answered 429: " + rateLimited() + ", waited " + clockTime(waited())
        + " for rate limits.";
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    requests.incrementAndGet();
    waitOver();
  }

  /** An operation that ends while waiting (its deadline, an interrupt) waits no more either. */
  @Override
  public void operationFinished(OperationFinished event) {
    waitOver();
  }

  private void waitOver() {
    if (thisThreadWaits.get()) {
      thisThreadWaits.set(false);
      if (waiting.decrementAndGet() == 0) {
        status.accept("");
      }
    }
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    OptionalInt code = event.status();
    if (code.isPresent() && code.getAsInt() == 429) {
      rateLimited.incrementAndGet();
    }
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    if (event.rateLimitWait()) {
      startWait(event.provider(), event.delay());
    }
  }

  @Override
  public void rateLimitWait(RateLimitWait event) {
    startWait(event.provider(), event.delay());
  }

  private void startWait(String provider, Duration delay) {
    waitedMillis.addAndGet(delay.toMillis());
    if (!thisThreadWaits.get()) {
      thisThreadWaits.set(true);
      waiting.incrementAndGet();
    }
    Instant until = clock.instant().plus(delay);
    LocalTime local = LocalTime.ofInstant(until, clock.getZone()).truncatedTo(ChronoUnit.SECONDS);
    status.accept("waiting " + clockTime(delay) + " for " + provider + "'s rate limit (until " + UNTIL.format(local) + ")");
  }

  /** {@code H:MM:SS}, as the progress bar shows times; a fraction of a second counts as a second. */
  static String clockTime(Duration duration) {
    long seconds = (duration.toMillis() + 999) / 1000;
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
