package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClientListener.AttemptFinished;
import dev.polylink.core.LinkClientListener.OperationFinished;
import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.LinkClientListener.RetryScheduled;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The events' derived values. */
class LinkClientListenerTest {
  private static AttemptFinished attempt(OptionalInt status) {
    return new AttemptFinished("p", Operation.GET, "GET", "/x", 1, status, Optional.empty(), Optional.empty(), false,
        Duration.ZERO, status.isPresent() ? Optional.empty() : Optional.of(new IOException("reset")));
  }

  @Test
  void anAttemptSucceededOnlyWithA2xx() {
    assertTrue(attempt(OptionalInt.of(200)).succeeded());
    assertTrue(attempt(OptionalInt.of(204)).succeeded());
    assertFalse(attempt(OptionalInt.of(302)).succeeded());
    assertFalse(attempt(OptionalInt.of(429)).succeeded());
    assertFalse(attempt(OptionalInt.empty()).succeeded());
  }

  @Test
  void onlyARateLimitedRetryIsARateLimitWait() {
    for (RetryReason reason : RetryReason.values()) {
      RetryScheduled retry = new RetryScheduled("p", Operation.GET, "GET", "/x", 1, reason, OptionalInt.empty(), Duration.ZERO, false);
      assertEquals(reason == RetryReason.RATE_LIMITED, retry.rateLimitWait(), reason.name());
    }
  }

  @Test
  void theOutcomeIsSuccessOrTheExceptionsSimpleName() {
    OperationFinished ok = new OperationFinished("p", Operation.GET, Duration.ZERO, 1, 0, Optional.empty());
    OperationFinished failed = new OperationFinished("p", Operation.GET, Duration.ZERO, 1, 0,
        Optional.of(new IllegalStateException("a bug")));
    assertEquals("success", ok.outcome());
    assertTrue(ok.succeeded());
    assertEquals("IllegalStateException", failed.outcome());
    assertFalse(failed.succeeded());
  }
}
