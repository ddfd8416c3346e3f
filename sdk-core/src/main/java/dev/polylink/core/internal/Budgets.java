package dev.polylink.core.internal;

import dev.polylink.core.RateBudget;
import java.util.function.Function;

/** Gives the transport the pacer inside a public {@link RateBudget}, which shows none. */
public final class Budgets {
  private static volatile Function<RateBudget, Pacer> access;

  private Budgets() {}

  /**
   * Called once by {@link RateBudget}.
   *
   * @param a the accessor
   */
  public static void access(Function<RateBudget, Pacer> a) {
    if (access == null) {
      access = a;
    }
  }

  /**
   * {@return the budget's pacer, null for none}
   *
   * @param budget the budget
   */
  public static Pacer pacer(RateBudget budget) {
    budget.rateLimit(); // loads RateBudget, whose initializer registers the accessor
    return access.apply(budget);
  }
}
