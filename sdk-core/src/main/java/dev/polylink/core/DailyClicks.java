package dev.polylink.core;

import java.time.LocalDate;
import org.immutables.value.Value;

/** The clicks of one calendar day, as the vendor counts its days. */
@Value.Immutable
@ValueStyle
public abstract class DailyClicks {
  DailyClicks() {}

  /**
   * {@return a value of these parts}
   * @param date the date
   * @param clicks the clicks
   * @throws IllegalArgumentException for negative clicks
   */
  public static DailyClicks of(LocalDate date, long clicks) {
    return ImmutableDailyClicks.of(date, clicks);
  }

  /** {@return the date} */
  @Value.Parameter
  public abstract LocalDate date();

  /** {@return the clicks} */
  @Value.Parameter
  public abstract long clicks();

  @Value.Check
  void check() {
    if (clicks() < 0) {
      throw new IllegalArgumentException("clicks must not be negative (was " + clicks() + ")");
    }
  }

  @Override
  public String toString() {
    return date() + "=" + clicks();
  }
}
