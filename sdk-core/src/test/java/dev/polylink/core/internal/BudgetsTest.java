package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.polylink.core.RateBudget;
import dev.polylink.core.RateLimit;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Budgets#access} is taken once: a second caller (code outside {@link RateBudget} that found
 * the public method) cannot replace the accessor and hand the transport another pacer.
 */
class BudgetsTest {
  @Test
  void theFirstAccessorStays() throws Exception {
    RateBudget budget = RateBudget.create(RateLimit.adaptive());
    Pacer own = Budgets.pacer(budget); // registers RateBudget's accessor
    assertNotNull(own);
    Field field = Budgets.class.getDeclaredField("access");
    field.setAccessible(true);
    Object registered = field.get(null);
    Pacer impostor = Pacer.adaptive(Clock.systemUTC());
    Function<RateBudget, Pacer> other = b -> impostor;
    try {
      Budgets.access(other);
      assertSame(own, Budgets.pacer(budget));
    } finally {
      field.set(null, registered); // in case it was replaced, for the tests after this one
    }
  }
}
