package dev.polylink.core;

import java.util.Objects;

/**
 * Clicks that share one value of a dimension: a country code, a device type, a browser or a
 * referrer, spelled as the vendor spells it.
 */
public final class ClickCount {
  private final String value;
  private final long clicks;

  private ClickCount(String value, long clicks) {
    this.value = Objects.requireNonNull(value, "value");
    if (clicks < 0) {
      throw new IllegalArgumentException("clicks must not be negative (was " + clicks + ")");
    }
    this.clicks = clicks;
  }

  /**
   * {@return a value of these parts}
   * @param value the value
   * @param clicks the clicks
   */
  public static ClickCount of(String value, long clicks) {
    return new ClickCount(value, clicks);
  }

  /** {@return the vendor's value, e.g. {@code "US"}, {@code "mobile"}, {@code "Chrome"}} */
  public String value() {
    return value;
  }

  /** {@return the clicks} */
  public long clicks() {
    return clicks;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClickCount && ((ClickCount) o).value.equals(value) && ((ClickCount) o).clicks == clicks;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, clicks);
  }

  @Override
  public String toString() {
    return value + "=" + clicks;
  }
}
