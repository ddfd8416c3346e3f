package dev.polylink.core;

import org.immutables.value.Value;

/**
 * Clicks that share one value of a dimension: a country code, a device type, a browser or a
 * referrer, spelled as the vendor spells it.
 */
@Value.Immutable
@ValueStyle
public abstract class ClickCount {
  ClickCount() {}

  /**
   * {@return a value of these parts}
   * @param value the value
   * @param clicks the clicks
   * @throws IllegalArgumentException for negative clicks
   */
  public static ClickCount of(String value, long clicks) {
    return ImmutableClickCount.of(value, clicks);
  }

  /** {@return the vendor's value, e.g. {@code "US"}, {@code "mobile"}, {@code "Chrome"}} */
  @Value.Parameter
  public abstract String value();

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
    return value() + "=" + clicks();
  }
}
