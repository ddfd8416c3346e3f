package dev.polylink.core;

import java.time.LocalDate;
import java.util.Objects;

/** The clicks of one calendar day, as the vendor counts its days. */
public final class DailyClicks {
  private final LocalDate date;
  private final long clicks;

  private DailyClicks(LocalDate date, long clicks) {
    this.date = Objects.requireNonNull(date, "date");
    if (clicks < 0) {
      throw new IllegalArgumentException("clicks must not be negative (was " + clicks + ")");
    }
    this.clicks = clicks;
  }

  /**
   * {@return a value of these parts}
   * @param date the date
   * @param clicks the clicks
   */
  public static DailyClicks of(LocalDate date, long clicks) {
    return new DailyClicks(date, clicks);
  }

  /** {@return the date} */
  public LocalDate date() {
    return date;
  }

  /** {@return the clicks} */
  public long clicks() {
    return clicks;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyClicks && ((DailyClicks) o).date.equals(date) && ((DailyClicks) o).clicks == clicks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(date, clicks);
  }

  @Override
  public String toString() {
    return date + "=" + clicks;
  }
}
