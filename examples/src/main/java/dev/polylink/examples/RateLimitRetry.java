package dev.polylink.examples;

import dev.polylink.core.RateLimitException;
import dev.polylink.core.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Waits out a vendor's burst rate limit instead of failing. The client already retries a 429 per
 * its {@link RetryPolicy}; when it gives up, a {@link RateLimitException} that is not {@link
 * RateLimitException#quotaExhausted() quotaExhausted()} and carries {@link
 * RateLimitException#retryAfter() retryAfter()} is waited out here and the call made again, up to
 * {@code maxAttempts} calls in all. A quota, a 429 without {@code Retry-After}, or a wait longer
 * than {@code maxWait} is thrown on.
 *
 * <pre>{@code
 * RateLimitRetry retry = new RateLimitRetry(10, Duration.ofMinutes(2), RetryPolicy.Sleeper.SYSTEM);
 * Link moved = retry.call(() -> client.update(link.id(), patch));
 * }</pre>
 *
 * <p>Thread-safe; {@link #waits()} counts the waits across threads.
 */
public final class RateLimitRetry {
  private final int maxAttempts;
  private final Duration maxWait;
  private final RetryPolicy.Sleeper sleeper;
  private final AtomicInteger waits = new AtomicInteger();

  /**
   * @param maxAttempts calls in all, at least 1
   * @param maxWait the longest {@code Retry-After} to wait for
   * @param sleeper how to wait ({@link RetryPolicy.Sleeper#SYSTEM}, or a fake in tests)
   */
  public RateLimitRetry(int maxAttempts, Duration maxWait, RetryPolicy.Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** 10 calls in all, waits of up to 2 minutes, real sleeping. */
  public static RateLimitRetry standard() {
    return new RateLimitRetry(10, Duration.ofMinutes(2), RetryPolicy.Sleeper.SYSTEM);
  }

  /** Makes the call, waiting and calling again after a burst rate limit as described above. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RateLimitException e) {
        Duration wait = e.retryAfter().orElse(null);
        if (e.quotaExhausted() || wait == null || wait.compareTo(maxWait) > 0 || attempt >= maxAttempts) {
          throw e;
        }
        waits.incrementAndGet();
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** {@link #call(Supplier)} for a call without a result. */
  public void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  /** How many times this instance waited for a rate limit. */
  public int waits() {
    return waits.get();
  }
}
