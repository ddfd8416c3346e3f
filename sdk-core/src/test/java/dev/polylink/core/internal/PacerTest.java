package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateBudget;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RateLimitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  /** A clock the test moves. */
  static class FakeClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(long nanos) {
      now = now.plusNanos(nanos);
    }
  }

  private static final long FOREVER = Long.MAX_VALUE;

  @Test
  void spacesRequestsAtTheSeededRateTwoPercentBelowIt() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
    assertEquals(0, pacer.reserve(FOREVER));
    long interval = (long) (1e9 / (50 * 0.98));
    // Reservations queue up without the clock moving: the n-th waits n intervals.
    assertEquals(interval, pacer.reserve(FOREVER), 2);
    assertEquals(2 * interval, pacer.reserve(FOREVER), 4);
    clock.advance(10 * interval);
    assertEquals(0, pacer.reserve(FOREVER));
  }

  @Test
  void aLowerLimitTheVendorReportsSpacesTheNextSlotFromTheLastAtTheNewInterval() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 10, Duration.ofSeconds(1), 1)));
    assertEquals(0, pacer.reserve(FOREVER));
    pacer.observe(RateLimitStatus.builder().limit(2).remaining(1).window("burst").build(), false);
    long interval = (long) (1e9 / (2 * 0.98));
    assertEquals(interval, pacer.reserve(FOREVER), 2, "not the old 10-a-second slot");
    assertEquals(2 * interval, pacer.reserve(FOREVER), 4);
  }

  @Test
  void aQuotaUsedUpWithoutAResetIsAskedAgainOnceAMinute() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.observe(RateLimitStatus.builder().limit(10_000).remaining(0).window("monthly").build(), true);
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    clock.advance(Pacer.QUOTA_PROBE.minusNanos(1).toNanos());
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    clock.advance(1);
    assertEquals(0, pacer.reserve(FOREVER), "one start asks the vendor again");
    pacer.observe(RateLimitStatus.builder().limit(10_000).remaining(0).window("monthly").build(), true);
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER), "still used up: a minute more");
    clock.advance(Pacer.QUOTA_PROBE.toNanos());
    pacer.reserve(FOREVER);
    pacer.observe(RateLimitStatus.builder().limit(10_000).remaining(9_999).window("monthly").build(), true);
    assertEquals(0, pacer.reserve(FOREVER), "the new month");
  }

  @Test
  void aClockThatMovesBackMovesTheWindowsAndThePauseWithIt() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
    long interval = (long) (1e9 / (50 * 0.98));
    clock.advance(Duration.ofDays(30).toNanos()); // a test's clock set forward, requests made there
    assertEquals(0, pacer.reserve(FOREVER));
    pacer.pauseUntil(Duration.ofSeconds(1));
    clock.advance(-Duration.ofDays(30).toNanos()); // and back: only what was owed is still owed
    assertEquals(Duration.ofSeconds(1).toNanos(), pacer.reserve(FOREVER), 2);
    clock.advance(Duration.ofSeconds(1).toNanos());
    assertEquals(interval, pacer.reserve(FOREVER), 2);
  }

  @Test
  void aWaitPastTheDeadlineIsNotTakenAndTakesNoSlot() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.fixed(clock, 1, Duration.ofSeconds(1));
    assertEquals(0, pacer.reserve(FOREVER));
    long refused = pacer.reserve(Duration.ofMillis(500).toNanos());
    assertEquals(-Duration.ofSeconds(1).toNanos(), refused);
    // The refused reservation left the slot free for the next caller.
    assertEquals(Duration.ofSeconds(1).toNanos(), pacer.reserve(FOREVER));
  }

  @Test
  void retryAfterHoldsEveryStartBackUntilItPasses() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.fixed(clock, 1000, Duration.ofSeconds(1));
    pacer.pauseUntil(Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(2).toNanos(), pacer.reserve(FOREVER));
    clock.advance(Duration.ofSeconds(3).toNanos());
    assertEquals(0, pacer.reserve(FOREVER));
  }

  @Test
  void aThrottleLowersTheAdaptiveRateAndItGrowsBackToTheSeed() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
    pacer.throttled();
    assertEquals(49 * 0.7, pacer.ratePerSecond(), 0.01);
    clock.advance(Duration.ofSeconds(30).toNanos());
    pacer.reserve(FOREVER);
    assertEquals(49, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void anIsolated429InAWindowWhoseLimitTheVendorReportsDoesNotLowerTheRateASecondDoes() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
    pacer.observe(RateLimitStatus.builder().limit(50).remaining(20).window("burst").build(), false);
    pacer.throttled(); // arrival jitter in the vendor's fixed window: the rate stays
    assertEquals(49, pacer.ratePerSecond(), 0.01);
    clock.advance(Duration.ofSeconds(Pacer.ISOLATED_PERIODS).toNanos());
    pacer.throttled(); // not isolated: the previous one was 10 periods ago, not more
    assertEquals(49 * 0.7, pacer.ratePerSecond(), 0.01);
    clock.advance(Duration.ofSeconds(60).toNanos());
    pacer.reserve(FOREVER);
    pacer.throttled(); // a minute later: isolated again
    assertEquals(49, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aReportedLimitReplacesTheSeed() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 10, Duration.ofSeconds(1), 1)));
    pacer.observe(RateLimitStatus.builder().limit(200).remaining(150).window("burst").build(), false);
    assertEquals(196, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aLimitReportedAgainChangesNothingAndADifferentOneStillReplacesIt() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 10, Duration.ofSeconds(1), 1)));
    pacer.observe(RateLimitStatus.builder().limit(200).remaining(150).window("burst").build(), false);
    // The same report again is recognised without the lock (Pacer.changesNothing) ...
    pacer.observe(RateLimitStatus.builder().limit(200).remaining(149).window("burst").build(), false);
    assertEquals(196, pacer.ratePerSecond(), 0.01);
    // ... a different limit, or a window used up, is not.
    pacer.observe(RateLimitStatus.builder().limit(100).remaining(99).window("burst").build(), false);
    assertEquals(98, pacer.ratePerSecond(), 0.01);
    pacer.observe(RateLimitStatus.builder().limit(100).remaining(0).resetAt(clock.now.plusSeconds(3)).window("burst")
        .build(), false);
    assertEquals(3_000_000_000L, pacer.reserve(FOREVER), 1_000_000);
  }

  @Test
  void aWindowReportedUsedUpHoldsStartsUntilItsReset() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit(null, 60, Duration.ofMinutes(1), 1)));
    pacer.observe(RateLimitStatus.builder().limit(60).remaining(0).resetAt(clock.now.plusSeconds(40)).build(), false);
    assertEquals(Duration.ofSeconds(40).toNanos(), pacer.reserve(FOREVER));
  }

  @Test
  void aUsedUpQuotaFailsAtOnceUntilItsReset() throws Exception {
    FakeClock clock = new FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    Instant reset = clock.now.plusSeconds(3600);
    pacer.observe(RateLimitStatus.builder().limit(1000).remaining(0).resetAt(reset).window("monthly").build(), true);
    Pacer.QuotaExhausted e = assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    assertEquals(reset, e.resetAt());
    clock.advance(Duration.ofSeconds(3600).toNanos());
    assertEquals(0, pacer.reserve(FOREVER));
  }

  @Test
  void oneBudgetPacesTwoClientsTogetherAndKeepsTheFirstSeed() throws Exception {
    FakeClock clock = new FakeClock();
    RateBudget budget = RateBudget.create(RateLimit.adaptive(), clock);
    Pacer first = Budgets.pacer(budget);
    Pacer second = Budgets.pacer(budget);
    assertTrue(first == second);
    first.seed(List.of(new Pacer.DocumentedLimit("burst", 50, Duration.ofSeconds(1), 1)));
    second.seed(List.of(new Pacer.DocumentedLimit("burst", 200, Duration.ofSeconds(1), 1)));
    assertEquals(49, first.ratePerSecond(), 0.01);
  }

  @Test
  void noneHasNoPacer() {
    assertEquals(null, Budgets.pacer(RateBudget.create(RateLimit.none())));
  }
}
