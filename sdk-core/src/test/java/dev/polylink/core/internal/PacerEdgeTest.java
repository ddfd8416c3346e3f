package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.RateLimitStatus;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corners of {@link Pacer} that {@link PacerTest} leaves open: what a change must not publish
 * (the lock-free design's promise that a reservation or report that moves nothing allocates no new
 * state), that a published state is never written into, a clock that moves back, bursts, and the
 * cubic recovery between its ends. The state is read by reflection: it is private on purpose, and
 * whether a new one was published is exactly what the fast paths are for.
 */
class PacerEdgeTest {
  private static final long FOREVER = Long.MAX_VALUE;
  private static final long DAY = Duration.ofDays(1).toNanos();
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private static Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  private static Object state(Pacer pacer) throws ReflectiveOperationException {
    return field(pacer, "state");
  }

  private static Object[] windows(Object state) throws ReflectiveOperationException {
    return (Object[]) field(state, "windows");
  }

  private static Pacer seeded(PacerTest.FakeClock clock, long requests, long burst) {
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", requests, Duration.ofSeconds(1), burst)));
    return pacer;
  }

  private static RateLimitStatus.Builder burst(long limit) {
    return RateLimitStatus.builder().limit(limit).window("burst");
  }

  @Test
  void reservationsWithNoWindowAndNoPausePublishNothing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock); // not seeded: no window
    Object initial = state(pacer);
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(0, pacer.reserve(FOREVER));
    clock.advance(SECOND);
    assertEquals(0, pacer.reserve(FOREVER));
    assertSame(initial, state(pacer), "no window, no pause: nothing to move, nothing allocated");
  }

  @Test
  void aReservationHeldByAPauseAtTheSameInstantPublishesNothing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.pauseUntil(Duration.ofSeconds(1));
    Object paused = state(pacer);
    assertEquals(SECOND, pacer.reserve(FOREVER));
    assertEquals(SECOND, pacer.reserve(FOREVER));
    assertSame(paused, state(pacer), "the same instant as the pause: its state stands as it is");
  }

  @Test
  void aPauseMovesBackFromTheLatestReservationNotFromWhenItWasSet() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.pauseUntil(Duration.ofSeconds(10));
    clock.advance(5 * SECOND);
    assertEquals(5 * SECOND, pacer.reserve(FOREVER)); // records the clock's time
    clock.advance(-5 * SECOND); // the clock steps back 5 s: 5 s of the pause are still owed
    assertEquals(5 * SECOND, pacer.reserve(FOREVER));
  }

  @Test
  void aQuotaSetDirectlyRefusesAtOnceAndARefusalAtTheSameInstantPublishesNothing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    assertEquals(0, pacer.reserve(FOREVER)); // the state records this instant
    Instant reset = clock.now.plusSeconds(3600);
    pacer.quotaExhausted(reset);
    Object exhausted = state(pacer);
    assertEquals(reset, assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER)).resetAt());
    assertSame(exhausted, state(pacer), "refused at the instant the state records: nothing to publish");
    clock.advance(SECOND);
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    assertNotSame(exhausted, state(pacer), "a refusal later records the clock's time");
    clock.advance(Duration.ofSeconds(3600).toNanos());
    assertEquals(0, pacer.reserve(FOREVER), "the reset passed");
  }

  @Test
  void aQuotaWithNoResetIsHeldFromTheMomentItWasReported() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.quotaExhausted(null);
    Pacer.QuotaExhausted e = assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    assertEquals(null, e.resetAt());
  }

  @Test
  void aSecondSeedPublishesNothing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    Object first = state(pacer);
    pacer.seed(List.of(new Pacer.DocumentedLimit("burst", 10, Duration.ofSeconds(1), 1)));
    assertSame(first, state(pacer));
  }

  @Test
  void reportsThatChangeNothingPublishNothing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 10, 1);
    pacer.observe(burst(200).remaining(150).build(), false);
    Object reported = state(pacer);
    pacer.observe(burst(200).remaining(149).build(), false);
    assertSame(reported, state(pacer), "the same limit again");
    pacer.observe(burst(0).remaining(5).build(), false);
    assertSame(reported, state(pacer), "a limit of 0 is no limit");
    pacer.observe(RateLimitStatus.builder().limit(5).remaining(3).build(), false);
    assertSame(reported, state(pacer), "a limit for no named window");
    pacer.observe(RateLimitStatus.builder().remaining(3).window("burst").build(), false);
    assertSame(reported, state(pacer), "no limit");
    pacer.observe(RateLimitStatus.builder().limit(5).remaining(3).window("hourly").build(), false);
    assertSame(reported, state(pacer), "a window the pacer does not pace");
    pacer.observe(RateLimitStatus.builder().limit(1000).remaining(5).window("monthly").build(), true);
    assertSame(reported, state(pacer), "a quota with room left while none is used up");
    pacer.observe(RateLimitStatus.builder().limit(1000).window("monthly").build(), true);
    assertSame(reported, state(pacer), "a quota that says nothing of what is left");
    assertEquals(196, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aFixedPacerIgnoresReportedLimitsWithoutPublishing() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.fixed(clock, 10, Duration.ofSeconds(1));
    Object fixed = state(pacer);
    pacer.observe(RateLimitStatus.builder().limit(200).remaining(5).window("fixed").build(), false);
    assertSame(fixed, state(pacer));
    assertEquals(10, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aQuotaWithRoomLeftAgainLiftsAUsedUpOneAtOnce() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    RateLimitStatus.Builder monthly = RateLimitStatus.builder().limit(1000).window("monthly");
    pacer.observe(monthly.remaining(0).resetAt(clock.now.plusSeconds(3600)).build(), true);
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    pacer.observe(RateLimitStatus.builder().limit(1000).window("monthly").remaining(7).build(), true);
    assertEquals(0, pacer.reserve(FOREVER), "the vendor says there is room: the reset no longer matters");
  }

  @Test
  void aUsedUpWindowReportedWithALimitOfZeroKeepsTheRate() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.observe(burst(0).remaining(0).resetAt(clock.now.plusSeconds(3)).build(), false);
    assertEquals(49, pacer.ratePerSecond(), 0.01, "0 is no limit, not a rate of 0");
    assertEquals(3 * SECOND, pacer.reserve(FOREVER));
  }

  @Test
  void aReportNeverWritesIntoThePublishedState() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 10, 1);
    Object before = state(pacer);
    Object window = windows(before)[0];
    pacer.observe(burst(10).remaining(5).build(), false); // marks the window reported, same limit
    assertNotSame(before, state(pacer));
    assertSame(window, windows(before)[0], "a published state is immutable");
  }

  @Test
  void aClockMovedBackNeverWritesIntoThePublishedState() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.throttled(); // a window with a throttle time to move back
    clock.advance(DAY);
    pacer.reserve(FOREVER);
    Object before = state(pacer);
    Object window = windows(before)[0];
    clock.advance(-DAY);
    pacer.reserve(FOREVER);
    assertSame(window, windows(before)[0], "a published state is immutable");
  }

  @Test
  void aRecoveringRateNeverWritesIntoThePublishedState() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.throttled();
    Object before = state(pacer);
    Object window = windows(before)[0];
    clock.advance(SECOND);
    pacer.reserve(FOREVER);
    assertSame(window, windows(before)[0], "a published state is immutable");
  }

  @Test
  void aChangeAtTheSameInstantKeepsTheWindows() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.reserve(FOREVER);
    Object before = state(pacer);
    pacer.pauseUntil(Duration.ofSeconds(1)); // the clock has not moved: the windows stay as they are
    assertNotSame(before, state(pacer));
    assertSame(windows(before), windows(state(pacer)), "no copy of the windows");
  }

  /** AWS's cubic: {@code SCALE (t - k)^3 + lastMax}, {@code k = cbrt(lastMax (1 - BETA) / SCALE)}. */
  private static double cubic(double lastMax, double seconds) {
    double k = Math.cbrt(lastMax * (1 - Pacer.BETA) / Pacer.SCALE);
    return Pacer.SCALE * Math.pow(seconds - k, 3) + lastMax;
  }

  @Test
  void aThrottledRateGrowsAlongTheCubicCurve() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.throttled();
    clock.advance(SECOND);
    pacer.reserve(FOREVER);
    double expected = cubic(49, 1);
    assertEquals(43.97, expected, 0.01); // between the throttled 34.3 and the seeded 49
    assertEquals(expected, pacer.ratePerSecond(), 1e-6);
  }

  @Test
  void aClockMovedBackMovesTheThrottleTimeWithIt() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    clock.advance(DAY);
    pacer.throttled();
    clock.advance(-DAY);
    pacer.reserve(FOREVER); // the throttle is now "just now" on the clock as it reads
    assertEquals(49 * Pacer.BETA, pacer.ratePerSecond(), 1e-6);
    clock.advance(SECOND);
    pacer.reserve(FOREVER);
    assertEquals(cubic(49, 1), pacer.ratePerSecond(), 1e-6, "a second after the throttle, not a day before it");
  }

  private static Pacer reportedAndLimitedADayAhead(PacerTest.FakeClock clock) {
    Pacer pacer = seeded(clock, 50, 1);
    pacer.observe(burst(50).remaining(20).build(), false);
    clock.advance(DAY);
    pacer.throttled(); // isolated: the rate stays, the 429's time is kept
    assertEquals(49, pacer.ratePerSecond(), 0.01);
    clock.advance(-DAY);
    return pacer;
  }

  @Test
  void aClockMovedBackMovesTheLast429WithItSoTheNextIsNotIsolated() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = reportedAndLimitedADayAhead(clock);
    pacer.reserve(FOREVER);
    clock.advance(SECOND);
    pacer.throttled(); // a second after the previous 429 on the moved clock
    assertEquals(49 * Pacer.BETA, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aClockMovedBackMovesTheLast429BackNotForward() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = reportedAndLimitedADayAhead(clock);
    pacer.reserve(FOREVER);
    clock.advance((Pacer.ISOLATED_PERIODS + 1) * SECOND);
    pacer.throttled(); // 11 periods after the previous 429: isolated again
    assertEquals(49, pacer.ratePerSecond(), 0.01);
  }

  @Test
  void aClockMovedBackMovesTheLastSlotTakenThatALowerLimitSpacesFrom() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 10, 1);
    assertEquals(0, pacer.reserve(FOREVER));
    clock.advance(-DAY);
    pacer.observe(burst(2).remaining(1).build(), false); // read on the moved clock
    long interval = (long) (1e9 / (2 * Pacer.MARGIN));
    assertEquals(interval, pacer.reserve(FOREVER), 2, "one new interval after the last slot, moved back a day");
  }

  @Test
  void aWaitOfExactlyTheLongestAcceptableIsTaken() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.fixed(clock, 1, Duration.ofSeconds(1));
    assertEquals(0, pacer.reserve(0));
    assertEquals(SECOND, pacer.reserve(SECOND), "a wait equal to the bound is within it");
    assertEquals(2 * SECOND, pacer.reserve(FOREVER), "and took its slot");
  }

  @Test
  void aBurstWindowLetsThatManyStartAtOnceThenSpacesThem() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 10, 3);
    long interval = (long) (1e9 / (10 * Pacer.MARGIN));
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(interval, pacer.reserve(FOREVER), 2);
    assertEquals(2 * interval, pacer.reserve(FOREVER), 4);
  }

  @Test
  void aBurstWindowIdleForLongLetsOnlyItsBurstStartAtOnce() throws Exception {
    // GCRA: after an idle minute the bucket is full again, which is `burst` starts, not more. A
    // theoretical arrival time moved back by the tolerance on each take let 2 * burst - 1 through
    // (0 0 0 0 0 then spaced at 10/s, burst 3), and SnipURL's hour window (1000, burst 1000)
    // nearly 2,000 in its first hour after an idle one.
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 10, 3);
    long interval = (long) (1e9 / (10 * Pacer.MARGIN));
    assertEquals(0, pacer.reserve(FOREVER));
    clock.advance(60 * SECOND);
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals(interval, pacer.reserve(FOREVER), 2, "the fourth waits one interval, as on a fresh pacer");
    assertEquals(2 * interval, pacer.reserve(FOREVER), 4);
  }

  @Test
  void anHourWindowIdleForAnHourAllowsItsLimitNotTwice() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.seed(List.of(new Pacer.DocumentedLimit("1h", 1000, Duration.ofHours(1), 1000)));
    assertEquals(0, pacer.reserve(FOREVER));
    clock.advance(2 * 3600 * SECOND);
    int atOnce = 0;
    while (pacer.reserve(FOREVER) == 0) {
      atOnce++;
    }
    assertEquals(1000, atOnce, "a full hour bucket holds the window's burst, 1000 starts");
  }

  @Test
  void aClockBeforeTheEpochStillStartsAtOnce() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    clock.now = Instant.parse("1960-01-01T00:00:00Z"); // negative nanoseconds since the epoch
    Pacer pacer = seeded(clock, 50, 1);
    assertEquals(0, pacer.reserve(FOREVER));
    assertEquals((long) (1e9 / 49), pacer.reserve(FOREVER), 2);
  }
  @Test
  void aPauseSetBeforeTheClockMovedBackMovesBackWithItWhenAShorterOneFollows() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.pauseUntil(Duration.ofSeconds(10));
    clock.advance(-5 * SECOND); // the clock steps back 5 s: the 10 s owed stay 10 s
    pacer.pauseUntil(Duration.ofSeconds(1)); // shorter than what is owed: the longer pause stands
    assertEquals(10 * SECOND, pacer.reserve(FOREVER), "the 10 s pause moved back with the clock, not 15 s");
    pacer.pauseUntil(Duration.ofSeconds(20)); // longer than what is owed: it replaces it
    assertEquals(20 * SECOND, pacer.reserve(FOREVER));
  }

  @Test
  void aPauseTooLongToRepresentHoldsStartsForAsLongAsCanBe() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.pauseUntil(Duration.ofSeconds(Long.MAX_VALUE)); // a Retry-After no long holds in nanoseconds
    long untilTheEnd = Long.MAX_VALUE - Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * SECOND;
    assertEquals(-untilTheEnd, pacer.reserve(DAY), "not dropped: no start within a day");
    assertEquals(untilTheEnd, pacer.reserve(FOREVER));
    clock.advance(-DAY);
    assertEquals(untilTheEnd, pacer.reserve(FOREVER), "the slot after it saturates too, and moves back");
  }

  @Test
  void aPauseOfLongMaxValueNanosecondsIsNotDropped() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    pacer.pauseUntil(Duration.ofNanos(Long.MAX_VALUE));
    assertEquals(-1, Long.signum(pacer.reserve(DAY)), "no start within a day");
  }

  @Test
  void aResetTooFarToRepresentHoldsStartsForAsLongAsCanBe() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.observe(burst(50).remaining(0).resetAt(Instant.parse("2300-01-01T00:00:00Z")).build(), false);
    long untilTheEnd = Long.MAX_VALUE - Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * SECOND;
    assertEquals(untilTheEnd, pacer.reserve(FOREVER), "past 2262 in nanoseconds: the longest pause, not none");
  }

  @Test
  void aResetTooFarToRepresentFromAClockBeforeTheEpochStillHolds() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    clock.now = Instant.parse("1960-01-01T00:00:00Z");
    Pacer pacer = seeded(clock, 50, 1);
    pacer.observe(burst(50).remaining(0).resetAt(Instant.parse("2300-01-01T00:00:00Z")).build(), false);
    assertEquals(FOREVER, pacer.reserve(FOREVER), "a wait longer than a long holds is the longest one");
  }

  @Test
  void aResetReportedAfterTheClockMovedBackIsNotMovedBackAgain() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    assertEquals(0, pacer.reserve(FOREVER)); // the state records this instant
    clock.advance(-3600 * SECOND);
    // A reset the vendor reports is a time on the clock as it reads now, not as it read before.
    pacer.observe(burst(50).remaining(0).resetAt(clock.now.plusSeconds(40)).build(), false);
    assertEquals(40 * SECOND, pacer.reserve(FOREVER));
  }

  @Test
  void aQuotaReportedAfterTheClockMovedBackIsAskedAgainAMinuteLater() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    assertEquals(0, pacer.reserve(FOREVER));
    clock.advance(-3600 * SECOND);
    pacer.quotaExhausted(null); // reported on the moved clock
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    clock.advance(Pacer.QUOTA_PROBE.toNanos());
    assertEquals(0, pacer.reserve(FOREVER), "a minute later, not an hour and a minute");
  }

  @Test
  void aQuotaReportedBeforeTheClockMovedBackIsAskedAgainAMinuteAfterIt() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = seeded(clock, 50, 1);
    pacer.observe(RateLimitStatus.builder().limit(1000).remaining(0).window("monthly").build(), true);
    clock.advance(-3600 * SECOND); // the minute owed stays a minute
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
    clock.advance(Pacer.QUOTA_PROBE.toNanos());
    assertEquals(0, pacer.reserve(FOREVER), "a minute after it was reported, not an hour and a minute");
  }

  @Test
  void aQuotaProbeAtTheEndOfTimeStillRefuses() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    clock.now = Instant.MAX.minusSeconds(1); // a minute later is past what an Instant holds
    Pacer pacer = Pacer.adaptive(clock);
    pacer.quotaExhausted(null);
    assertThrows(Pacer.QuotaExhausted.class, () -> pacer.reserve(FOREVER));
  }

  @Test
  void aWindowTooLongForTenPeriodsInNanosecondsStillSeesASecond429() throws Exception {
    PacerTest.FakeClock clock = new PacerTest.FakeClock();
    Pacer pacer = Pacer.adaptive(clock);
    Duration thirtyYears = Duration.ofDays(30 * 365); // ten of them are more nanoseconds than a long holds
    pacer.seed(List.of(new Pacer.DocumentedLimit("long", 1_000_000_000L, thirtyYears, 1)));
    double seeded = pacer.ratePerSecond();
    pacer.observe(RateLimitStatus.builder().limit(1_000_000_000L).remaining(5).window("long").build(), false);
    pacer.throttled(); // isolated
    assertEquals(seeded, pacer.ratePerSecond(), 1e-9);
    clock.advance(SECOND);
    pacer.throttled(); // a second later: not isolated
    assertEquals(seeded * Pacer.BETA, pacer.ratePerSecond(), 1e-9);
  }
  @Test
  void sumsAndDifferencesOfTimesSaturateAndNeverBecomeNone() {
    assertEquals(Long.MAX_VALUE, Pacer.plus(Long.MAX_VALUE - 1, 2));
    assertEquals(Long.MIN_VALUE + 1, Pacer.plus(Long.MIN_VALUE + 1, -1), "NONE is no time");
    assertEquals(Long.MIN_VALUE + 1, Pacer.plus(Long.MIN_VALUE + 1, Long.MIN_VALUE));
    assertEquals(5, Pacer.plus(2, 3));
    assertEquals(-1, Pacer.plus(2, -3));
    assertEquals(Long.MAX_VALUE, Pacer.minus(Long.MAX_VALUE - 1, -2));
    assertEquals(Long.MAX_VALUE, Pacer.minus(0, Long.MIN_VALUE + 1));
    assertEquals(Long.MIN_VALUE + 1, Pacer.minus(Long.MIN_VALUE + 1, 1), "NONE is no time");
    assertEquals(Long.MIN_VALUE + 1, Pacer.minus(-2, Long.MAX_VALUE));
    assertEquals(-1, Pacer.minus(2, 3));
    assertEquals(5, Pacer.minus(2, -3));
  }
}
