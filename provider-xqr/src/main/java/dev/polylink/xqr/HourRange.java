package dev.polylink.xqr;

import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The {@code hours} condition of a {@link RoutingRule}: whole hours of the day in 24-hour time,
 * {@code {"start": 20, "end": 6}} in xQR's Smart Routing guide. A range whose start is after its end
 * wraps past midnight, as the guide documents.
 *
 * <p>Choices where the vendor documentation is silent: the values are whole hours from 0 to 23 (the
 * guide's only example uses integers), and a range whose start equals its end is rejected because
 * xQR does not say whether it means "never" or "all day". Which time zone xQR evaluates the hours
 * in is not documented either.
 */
@Value.Immutable
@ValueStyle
public abstract class HourRange {
  HourRange() {}

  /**
   * A range of hours.
   *
   * @param start the first hour, 0 to 23
   * @param end the hour the range ends at, 0 to 23, different from {@code start}; smaller than
   *     {@code start} for a range that wraps past midnight
   * @return the range
   * @throws RequestValidationException when an hour is out of range or the two are equal
   */
  public static HourRange of(int start, int end) {
    List<String> violations = new ArrayList<>();
    if (start < 0 || start > 23) {
      violations.add("hours.start: must be between 0 and 23 (was " + start + ")");
    }
    if (end < 0 || end > 23) {
      violations.add("hours.end: must be between 0 and 23 (was " + end + ")");
    }
    if (violations.isEmpty() && start == end) {
      violations.add("hours: start and end must differ (was " + start + " to " + end + ")");
    }
    if (!violations.isEmpty()) {
      throw new RequestValidationException(XqrClient.PROVIDER_ID, violations);
    }
    return ImmutableHourRange.of(start, end);
  }

  /** {@return the first hour of the range, 0 to 23} */
  @Value.Parameter
  public abstract int start();

  /** {@return the hour the range ends at, 0 to 23} */
  @Value.Parameter
  public abstract int end();

  /**
   * True when the range runs past midnight, e.g. 20 to 6.
   *
   * @return whether the range wraps midnight
   */
  public boolean wrapsMidnight() {
    return start() > end();
  }

  /** For example {@code 20-6}. */
  @Override
  public String toString() {
    return start() + "-" + end();
  }
}
