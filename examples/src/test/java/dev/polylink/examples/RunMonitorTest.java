package dev.polylink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.LinkClientListener.AttemptFinished;
import dev.polylink.core.LinkClientListener.AttemptStarted;
import dev.polylink.core.LinkClientListener.RateLimitWait;
import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.LinkClientListener.RetryScheduled;
import dev.polylink.core.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunMonitorTest {
  private final RunMonitor monitor =
      new RunMonitor(Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC));
  private final List<String> statuses = new CopyOnWriteArrayList<>();

  RunMonitorTest() {
    monitor.status(statuses::add);
  }

  private static AttemptStarted started(int attempt) {
    return new AttemptStarted("snipurl", Operation.UPDATE, "PATCH", "/links/{id}", attempt);
  }

  private static AttemptFinished finished(int status) {
    return new AttemptFinished("snipurl", Operation.UPDATE, "PATCH", "/links/{id}", 1, OptionalInt.of(status),
        Optional.empty(), Optional.empty(), false, Duration.ofMillis(5), Optional.empty());
  }

  private static RetryScheduled retry(RetryReason reason, Duration delay) {
    return new RetryScheduled("snipurl", Operation.UPDATE, "PATCH", "/links/{id}", 1, reason,
        OptionalInt.of(429), delay, true);
  }

  @Test
  void aPacingWaitIsShownUntilTheAttemptStartsAndCounted() {
    monitor.rateLimitWait(new RateLimitWait("xqr", Operation.CREATE, 1, Duration.ofMillis(1500)));
    assertEquals(List.of("waiting 0:00:02 for xqr's rate limit (until 10:00:01)"), statuses);
    monitor.attemptStarted(started(1));
    assertEquals(List.of("waiting 0:00:02 for xqr's rate limit (until 10:00:01)", ""), statuses);
    assertEquals("Requests: 1, answered 429: 0, waited 0:00:02 for rate limits.", monitor.summary());
  }

  @Test
  void a429IsCountedAndItsRetryAfterWaitShownButOtherRetriesAreNot() {
    monitor.attemptStarted(started(1));
    monitor.attemptFinished(finished(429));
    monitor.retryScheduled(retry(RetryReason.RATE_LIMITED, Duration.ofSeconds(61)));
    monitor.attemptStarted(started(2));
    monitor.attemptFinished(finished(503));
    monitor.retryScheduled(retry(RetryReason.RETRYABLE_STATUS, Duration.ofMillis(200)));
    monitor.attemptStarted(started(3));
    monitor.attemptFinished(finished(200));

    assertEquals(List.of("waiting 0:01:01 for snipurl's rate limit (until 10:01:01)", ""), statuses);
    assertEquals(3, monitor.requests());
    assertEquals(1, monitor.rateLimited());
    assertEquals(Duration.ofSeconds(61), monitor.waited());
    monitor.reset();
    assertEquals("Requests: 0, answered 429: 0, waited 0:00:00 for rate limits.", monitor.summary());
  }

  @Test
  void withTwoRequestsWaitingTheStatusStaysUntilBothGoOn() throws Exception {
    Thread other = new Thread(() -> monitor.rateLimitWait(new RateLimitWait("xqr", Operation.UPDATE, 1,
        Duration.ofSeconds(3))));
    other.start();
    other.join();
    monitor.rateLimitWait(new RateLimitWait("xqr", Operation.UPDATE, 1, Duration.ofSeconds(2)));
    monitor.attemptStarted(started(1)); // this thread goes on; the other still waits
    assertEquals(List.of("waiting 0:00:03 for xqr's rate limit (until 10:00:03)",
        "waiting 0:00:02 for xqr's rate limit (until 10:00:02)"), statuses);
    Thread resumed = new Thread(() -> {
      // a thread that never waited starts an attempt: the other's wait is not over
      monitor.attemptStarted(started(1));
    });
    resumed.start();
    resumed.join();
    assertEquals(2, statuses.size(), statuses::toString);
    assertEquals(Duration.ofSeconds(5), monitor.waited());
  }

  @Test
  void anOperationThatEndsWhileWaitingClearsTheStatus() {
    monitor.rateLimitWait(new RateLimitWait("xqr", Operation.UPDATE, 2, Duration.ofSeconds(30)));
    monitor.operationFinished(new dev.polylink.core.LinkClientListener.OperationFinished("xqr", Operation.UPDATE,
        Duration.ofSeconds(30), 1, 1, Optional.of(new IllegalStateException("deadline"))));
    assertEquals(List.of("waiting 0:00:30 for xqr's rate limit (until 10:00:30)", ""), statuses);
    assertEquals(0, monitor.requests());
  }

  @Test
  void clockTimeRoundsUpToTheSecond() {
    assertEquals("0:00:00", RunMonitor.clockTime(Duration.ZERO));
    assertEquals("0:00:01", RunMonitor.clockTime(Duration.ofMillis(1)));
    assertEquals("1:01:01", RunMonitor.clockTime(Duration.ofSeconds(3661)));
  }
}
