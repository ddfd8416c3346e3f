package dev.polylink.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.immutables.value.Value;

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
@Value.Immutable
@ValueStyle
public abstract class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  RetryPolicy() {}

  /**
   * {@return the default policy: 3 attempts in all, backoff from 200 ms capped at 10 s with full
   * jitter, {@code Retry-After} up to 65 s} A one-minute rate window is waited out on every
   * provider, SnipURL's included, which answers {@code Retry-After: 61} when its per-minute limit is
   * reached in the window's first second (it rounds the window's end up and "now" down).
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return the policy of one attempt: never retry} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableRetryPolicy.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableRetryPolicy.builder().from(this);
  }

  /** {@return the number of attempts in all, the first included} */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /** {@return the ceiling of the first backoff, not negative} */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(200);
  }

  /** {@return the largest backoff, not negative} */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(10);
  }

  /** {@return the longest {@code Retry-After} the client will wait for} */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(65);
  }

  @Value.Check
  void check() {
    if (maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new RequestValidationException(
          PolylinkException.NO_PROVIDER, "maxBackoff: must not be less than initialBackoff");
    }
  }

  /**
   * The upper bound of the wait before retry number {@code retry} (1 for the first retry): {@code
   * min(maxBackoff, initialBackoff * 2^(retry-1))}.
   *
   * @param retry the retry number, 1 for the first retry
   * @return the ceiling
   */
  public Duration backoffCeiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1");
    }
    long initial = saturatedMillis(initialBackoff());
    long cap = saturatedMillis(maxBackoff());
    int shift = retry - 1;
    if (initial == 0) {
      return Duration.ZERO;
    }
    // initial << shift would exceed cap (or overflow) exactly when initial > cap >> shift; a shift of
    // 64 or more must be caught first, since Java takes a long's shift distance modulo 64.
    long ceiling = shift >= Long.SIZE || initial > (cap >> shift) ? cap : initial << shift;
    return Duration.ofMillis(ceiling);
  }

  /**
   * The wait before retry number {@code retry}: uniformly random in {@code [0, backoffCeiling(retry)]}.
   *
   * @param retry the retry number, 1 for the first retry
   * @return the wait
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

  /** Pauses between attempts; replace it in tests so that no test sleeps for real. */
  @FunctionalInterface
  public interface Sleeper {
    /** The sleeper that calls {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableRetryPolicy.Builder generated() {
      return (ImmutableRetryPolicy.Builder) this;
    }

    /**
     * Attempts in all, at least 1 (1 means no retry).
     *
     * @param maxAttempts the attempts in all, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new RequestValidationException(
            PolylinkException.NO_PROVIDER, "maxAttempts: must be at least 1 (was " + maxAttempts + ")");
      }
      return generated().setMaxAttempts(maxAttempts);
    }

    /**
     * Sets the ceiling of the first backoff, not negative.
     *
     * @param initialBackoff the ceiling of the first backoff, not negative
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      return generated().setInitialBackoff(notNegative("initialBackoff", initialBackoff));
    }

    /**
     * Sets the largest backoff, not negative.
     *
     * @param maxBackoff the largest backoff, not negative
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      return generated().setMaxBackoff(notNegative("maxBackoff", maxBackoff));
    }

    /**
     * Sets the longest {@code Retry-After} to wait for, not negative.
     *
     * @param maxRetryAfter the longest {@code Retry-After} to wait for, not negative
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      return generated().setMaxRetryAfter(notNegative("maxRetryAfter", maxRetryAfter));
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws RequestValidationException when {@code maxBackoff} is less than {@code initialBackoff}
     */
    public abstract RetryPolicy build();

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
