package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant T = Instant.parse("2026-03-21T14:30:00Z");

  @Test
  void followsTheSystemClockUntilSet() {
    MutableClock clock = new MutableClock();
    Instant before = Instant.now();
    Instant seen = clock.instant();
    Instant after = Instant.now();
    assertTrue(!seen.isBefore(before) && !seen.isAfter(after), seen.toString());
    assertTrue(clock.followsSystem());
    assertEquals(ZoneOffset.UTC, clock.getZone());
  }

  @Test
  void setFreezesAndAdvanceMovesTheFrozenInstant() {
    MutableClock clock = new MutableClock();
    clock.set(T);
    assertFalse(clock.followsSystem());
    assertEquals(T, clock.instant());
    assertEquals(T.toEpochMilli(), clock.millis());
    assertEquals(T.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
    assertEquals(T.plusSeconds(90), clock.instant());
    clock.advance(Duration.ofSeconds(-30));
    assertEquals(T.plusSeconds(60), clock.instant());
  }

  @Test
  void advancingWhileFollowingStartsFromNow() {
    MutableClock clock = new MutableClock();
    Instant before = Instant.now();
    Instant moved = clock.advance(Duration.ofHours(1));
    assertTrue(!moved.isBefore(before.plus(Duration.ofHours(1))), moved.toString());
    assertTrue(moved.isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(1)), moved.toString());
    assertEquals(moved, clock.instant());
  }

  @Test
  void followSystemUnfreezes() {
    MutableClock clock = new MutableClock(T);
    assertEquals(T, clock.instant());
    clock.followSystem();
    assertTrue(clock.followsSystem());
    assertTrue(clock.instant().isAfter(Instant.parse("2024-01-01T00:00:00Z")) && !clock.instant().equals(T));
  }

  @Test
  void zoneViewsShareTheTime() {
    MutableClock clock = new MutableClock(T);
    MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(T.plusSeconds(300), paris.instant());
    paris.set(T);
    assertEquals(T, clock.instant());
    assertTrue(clock.toString().contains("frozen at " + T), clock.toString());
  }
}
