package dev.polylink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitRetryTest {
  private final List<Duration> slept = new ArrayList<>();
  private final RateLimitRetry retry = new RateLimitRetry(
      RetryPolicy.builder().maxAttempts(3).maxRetryAfter(Duration.ofMinutes(2)).build(), slept::add);

  private static RateLimitException burst(Duration retryAfter) {
    return new RateLimitException("xqr", Operation.UPDATE, 429, VendorError.builder().build(), "{}", retryAfter);
  }

  private static RateLimitException quota() {
    return new RateLimitException("xqr", Operation.UPDATE, 429,
        VendorError.builder().quotaExhausted(true).build(), "{}", Duration.ofSeconds(5));
  }

  @Test
  void waitsRetryAfterAndCallsAgain() {
    AtomicInteger calls = new AtomicInteger();

    String result = retry.call(() -> {
      if (calls.incrementAndGet() < 3) {
        throw burst(Duration.ofSeconds(calls.get()));
      }
      return "done";
    });

    assertEquals("done", result);
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), slept);
    assertEquals(2, retry.waits());
  }

  @Test
  void givesUpAfterMaxAttempts() {
    RateLimitException last = burst(Duration.ofSeconds(1));
    AtomicInteger calls = new AtomicInteger();

    RateLimitException thrown = assertThrows(RateLimitException.class, () -> retry.call(() -> {
      calls.incrementAndGet();
      throw last;
    }));

    assertSame(last, thrown);
    assertEquals(3, calls.get());
    assertEquals(2, slept.size());
  }

  @Test
  void neverWaitsForAQuotaAMissingRetryAfterOrATooLongOne() {
    for (RateLimitException e : List.of(quota(), burst(null), burst(Duration.ofMinutes(3)))) {
      AtomicInteger calls = new AtomicInteger();

      assertSame(e, assertThrows(RateLimitException.class, () -> retry.call(() -> {
        calls.incrementAndGet();
        throw e;
      })));
      assertEquals(1, calls.get());
    }
    assertEquals(List.of(), slept);
  }
}
