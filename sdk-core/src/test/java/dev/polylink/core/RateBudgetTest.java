package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polylink.core.internal.Budgets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  @Test
  void keepsItsRateLimitAndSaysItsMode() {
    RateLimit fixed = RateLimit.fixed(5, Duration.ofSeconds(1));
    RateBudget budget = RateBudget.create(fixed, Clock.systemUTC());
    assertEquals(fixed, budget.rateLimit());
    assertEquals("RateBudget{FIXED}", budget.toString());
    assertEquals("RateBudget{ADAPTIVE}", RateBudget.create(RateLimit.adaptive()).toString());
    assertEquals("RateBudget{NONE}", RateBudget.create(RateLimit.none()).toString());
  }

  @Test
  void eachModeHasItsPacer() {
    assertNotNull(Budgets.pacer(RateBudget.create(RateLimit.fixed(5, Duration.ofSeconds(1)))));
    assertNotNull(Budgets.pacer(RateBudget.create(RateLimit.adaptive())));
    assertNull(Budgets.pacer(RateBudget.create(RateLimit.none())));
  }
}
