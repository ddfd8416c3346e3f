package dev.polylink.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests can set and move. It starts out <em>following the system clock</em>
 * (so rate-limit windows and {@code Retry-After} waits also work in real time); the first {@link
 * #set(Instant)} or {@link #advance(Duration)} <em>freezes</em> it at the chosen instant, and it then
 * stays there until the next call. {@link #followSystem()} makes it follow the system clock again.
 *
 * <p>Views made by {@link #withZone(ZoneId)} share the same time: moving one moves them all.
 * Thread-safe.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> frozenAt;
  private final ZoneId zone;

  /** A clock in UTC that follows the system clock until it is set or advanced. */
  public MutableClock() {
    this(new AtomicReference<>(), ZoneOffset.UTC);
  }

  /**
   * A clock in UTC frozen at {@code instant}.
   *
   * @param instant where the clock starts
   */
  public MutableClock(Instant instant) {
    this(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> frozenAt, ZoneId zone) {
    this.frozenAt = frozenAt;
    this.zone = zone;
  }

  /** The frozen instant, or the system's current instant while following the system clock. */
  @Override
  public Instant instant() {
    Instant frozen = frozenAt.get();
    return frozen != null ? frozen : Instant.now();
  }

  /** The zone of this view; {@code UTC} unless made by {@link #withZone(ZoneId)}. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone; it shares the time with this clock. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return new MutableClock(frozenAt, Objects.requireNonNull(zone, "zone"));
  }

  /**
   * Freezes the clock at {@code instant}.
   *
   * @param instant where the clock starts
   */
  public void set(Instant instant) {
    frozenAt.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock by {@code duration} (a negative duration moves it back) and freezes it there;
   * while following the system clock, it moves from the system's current instant.
   *
   * @param duration how long to wait
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return frozenAt.updateAndGet(frozen -> (frozen != null ? frozen : Instant.now()).plus(duration));
  }

  /** Unfreezes the clock: from now on it follows the system clock. */
  public void followSystem() {
    frozenAt.set(null);
  }

  /** {@return whether the clock follows the system clock (it has not been set or advanced since)} */
  public boolean followsSystem() {
    return frozenAt.get() == null;
  }

  /** Describes the state, e.g. {@code MutableClock[frozen at 2026-03-21T14:30:00Z, UTC]}. */
  @Override
  public String toString() {
    Instant frozen = frozenAt.get();
    return "MutableClock[" + (frozen == null ? "system" : "frozen at " + frozen) + ", " + zone + "]";
  }
}
