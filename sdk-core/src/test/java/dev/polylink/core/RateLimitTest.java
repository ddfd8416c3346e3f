package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  @Test
  void parsesEachFormAroundBlanksAndInAnyCase() {
    assertEquals(RateLimit.adaptive(), RateLimit.parse(" Adaptive "));
    assertEquals(RateLimit.none(), RateLimit.parse("NONE"));
    assertEquals(RateLimit.fixed(50, Duration.ofSeconds(1)), RateLimit.parse("50/PT1S"));
    assertEquals(RateLimit.fixed(7, Duration.ofMinutes(1)), RateLimit.parse(" 7 / PT1M "));
  }

  @Test
  void refusesEverythingElseSayingWhatItWas() {
    for (String bad : new String[] {"", "fast", "/PT1S", "50/", "50", "x/PT1S", "50/1s", "0/PT1S", "5/PT0S"}) {
      RequestValidationException e = assertThrows(RequestValidationException.class, () -> RateLimit.parse(bad), bad);
      assertTrue(e.getMessage().contains("rateLimit"), e.getMessage());
    }
    assertThrows(RequestValidationException.class, () -> RateLimit.parse(null));
  }
}
