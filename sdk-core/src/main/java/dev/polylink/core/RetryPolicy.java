package dev.polylink.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a client retries failed requests: the number of attempts, exponential backoff with full
 * jitter, and how long a vendor's {@code Retry-After} may ask it to wait.
 *
 * <p>Which requests are retried is fixed by what is safe, not by this policy: GET, PUT, PATCH and
 * DELETE after an I/O error or a 408, a burst 429, 500, 502, 503 or 504; a POST only when the
 * vendor provably did not process it (a burst 429 with {@code Retry-After}, or a connection that
 * never opened). A quota 429 is never retried. A {@code Retry-After} longer than {@link
 * #maxRetryAfter()} fails at once with a {@link RateLimitException} carrying the wait. Every wait
 * is also bounded by the client's operation deadline ({@code LinkClientBuilder.operationTimeout},
 * default 3 minutes): a wait that would end past it is not started, and the call fails with a
 * {@link TransportException} naming the deadline whose cause is the vendor's last answer. A policy
 * that waits longer (an hourly window, say) needs a longer operation deadline too.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
  }

  /**
   * 3 attempts in all, backoff from 200 ms capped at 10 s with full jitter, {@code Retry-After} up
   * to 65 s: a one-minute rate window is waited out on every provider, SnipURL's included, which
   * answers {@code Retry-After: 61} when its per-minute limit is reached in the window's first
   * second (it rounds the window's end up and "now" down).
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return one attempt: never retry} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this value's fields, to change some and build a new value} */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .maxRetryAfter(maxRetryAfter);
  }

  /** {@return attempts in all, the first included} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the wait before the second attempt, doubled for each later one (with full jitter)} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the longest wait between attempts when the vendor sends no {@code Retry-After}} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the longest {@code Retry-After} the client will wait for} */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * {@return the upper bound of the wait before retry number {@code retry} (1 for the first retry):
   * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}}
   *
   * @param retry the number of the retry, 1 for the first
   */
  public Duration backoffCeiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1");
    }
    long initial = saturatedMillis(initialBackoff);
    long cap = saturatedMillis(maxBackoff);
    int shift = retry - 1;
    if (initial == 0) {
      return Duration.ZERO;
    }
    // initial << shift would exceed cap (or overflow) exactly when initial > cap >> shift.
    long ceiling = shift >= Long.SIZE - 1 || initial > (cap >> shift) ? cap : initial << shift;
    return Duration.ofMillis(ceiling);
  }

  /**
   * {@return the wait before retry number {@code retry}: uniformly random in {@code [0,
   * backoffCeiling(retry)]}}
   *
   * @param retry the number of the retry, 1 for the first
   */
  public Duration backoff(int retry) {
    long ceiling = backoffCeiling(retry).toMillis();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Duration.ofMillis(ceiling == Long.MAX_VALUE ? random.nextLong(ceiling) : random.nextLong(ceiling + 1));
  }

  /** Whole milliseconds, saturating at {@code Long.MAX_VALUE} for durations beyond ~292 million years. */
  private static long saturatedMillis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return maxAttempts == p.maxAttempts
        && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff)
        && maxRetryAfter.equals(p.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "}";
  }

  /** Pauses between attempts; replace it in tests so that no test sleeps for real. */
  @FunctionalInterface
  public interface Sleeper {
    /** The sleeper that calls {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(65);

    private Builder() {}

    /**
     * Attempts in all, at least 1 (1 means no retry).
     *
     * @param maxAttempts attempts in all, at least 1 (1 means no retry)
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "maxAttempts: must be at least 1 (was " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets {@link RetryPolicy#initialBackoff()}.
     *
     * @param initialBackoff the value
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = notNegative("initialBackoff", initialBackoff);
      return this;
    }

    /**
     * Sets {@link RetryPolicy#maxBackoff()}.
     *
     * @param maxBackoff the value
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = notNegative("maxBackoff", maxBackoff);
      return this;
    }

    /**
     * Sets {@link RetryPolicy#maxRetryAfter()}.
     *
     * @param maxRetryAfter the value
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = notNegative("maxRetryAfter", maxRetryAfter);
      return this;
    }

    /**
     * Builds the {@code RetryPolicy}.
     *
     * @return a new, immutable {@code RetryPolicy}
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "maxBackoff: must not be less than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration notNegative(String field, Duration value) {
      Objects.requireNonNull(value, field);
      if (value.isNegative()) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, field + ": must not be negative (was " + value + ")");
      }
      return value;
    }
  }
}
