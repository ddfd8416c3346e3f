package dev.polylink.examples;

import dev.polylink.core.RateLimitException;
import dev.polylink.core.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Waits out a vendor's burst rate limit instead of failing. The client already retries a 429 per
 * its own {@link RetryPolicy} (set with {@code LinkClients.builder(...).retryPolicy(...)}, as
 * {@link Clients} does); when it gives up, a {@link
 * RateLimitException} that is not {@link RateLimitException#quotaExhausted() quotaExhausted()} and
 * carries {@link RateLimitException#retryAfter() retryAfter()} is waited out here and the call made
 * again, up to the policy's {@link RetryPolicy#maxAttempts() maxAttempts()} calls in all. A quota,
 * a 429 without {@code Retry-After}, or a wait longer than {@link RetryPolicy#maxRetryAfter()} is
 * thrown on.
 *
 * <pre>{@code
 * RateLimitRetry retry = new RateLimitRetry(
 *     RetryPolicy.builder().maxAttempts(8).maxRetryAfter(Duration.ofMinutes(2)).build(),
 *     RetryPolicy.Sleeper.SYSTEM);
 * Link moved = retry.call(() -> client.update(link.id(), patch));
 * }</pre>
 *
 * <p>Thread-safe; {@link #waits()} counts the waits across threads.
 */
public final class RateLimitRetry {
  /** 8 calls in all, waiting up to 2 minutes for each. */
  public static final RetryPolicy STANDARD_POLICY =
      RetryPolicy.builder().maxAttempts(8).maxRetryAfter(Duration.ofMinutes(2)).build();

  private final RetryPolicy policy;
  private final RetryPolicy.Sleeper sleeper;
  private final AtomicInteger waits = new AtomicInteger();

  /**
   * @param policy its {@code maxAttempts} and {@code maxRetryAfter} apply; its backoff does not
   *     (a rate limit says how long to wait)
   * @param sleeper how to wait ({@link RetryPolicy.Sleeper#SYSTEM}, or a fake in tests)
   */
  public RateLimitRetry(RetryPolicy policy, RetryPolicy.Sleeper sleeper) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Makes the call, waiting and calling again after a burst rate limit as described above. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RateLimitException e) {
        Duration wait = e.retryAfter().orElse(null);
        if (e.quotaExhausted() || wait == null || wait.compareTo(policy.maxRetryAfter()) > 0
            || attempt >= policy.maxAttempts()) {
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

  /** How many times this instance waited for a rate limit. */
  public int waits() {
    return waits.get();
  }
}
