package dev.polylink.core;

import dev.polylink.core.internal.Pacer;
import java.time.Clock;
import java.util.Objects;

/**
 * One rate-limit budget shared by several clients of the same account (the vendors limit per key
 * or per workspace, not per client): pass the same budget to each builder ({@link
 * LinkClientBuilder#rateBudget}). Thread-safe. An adaptive budget is seeded by the first client
 * built with it; 429s, {@code Retry-After} and headers seen by any of the clients pace them all.
 */
public final class RateBudget {
  static {
    dev.polylink.core.internal.Budgets.access(b -> b.pacer);
  }

  private final RateLimit rateLimit;
  private final Pacer pacer;

  private RateBudget(RateLimit rateLimit, Clock clock) {
    this.rateLimit = rateLimit;
    this.pacer = rateLimit.mode() == RateLimit.Mode.FIXED
        ? Pacer.fixed(clock, rateLimit.requests().getAsLong(), rateLimit.period().orElseThrow())
        : rateLimit.mode() == RateLimit.Mode.ADAPTIVE ? Pacer.adaptive(clock) : null;
  }

  /**
   * {@return a shared budget}
   *
   * @param rateLimit how it paces; {@link RateLimit#none()} paces nothing
   */
  public static RateBudget create(RateLimit rateLimit) {
    return new RateBudget(Objects.requireNonNull(rateLimit, "rateLimit"), Clock.systemUTC());
  }

  /**
   * {@return a shared budget on {@code clock} (tests)}
   *
   * @param rateLimit how it paces
   * @param clock the clock its windows are measured on
   */
  public static RateBudget create(RateLimit rateLimit, Clock clock) {
    return new RateBudget(Objects.requireNonNull(rateLimit, "rateLimit"), Objects.requireNonNull(clock, "clock"));
  }

  /** {@return how it paces} */
  public RateLimit rateLimit() {
    return rateLimit;
  }

  @Override
  public String toString() {
    return "RateBudget{" + rateLimit.mode() + "}";
  }
}
