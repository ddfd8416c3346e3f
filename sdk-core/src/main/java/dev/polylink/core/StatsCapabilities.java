package dev.polylink.core;

import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a provider's link statistics contain and whether they take a date range. {@link #none()}
 * for a provider without statistics. A field outside {@link #fields()} is always empty in {@link
 * LinkStats}.
 */
@Value.Immutable
@ValueStyle
public abstract class StatsCapabilities {
  private static final StatsCapabilities NONE =
      ImmutableStatsCapabilities.of(EnumSet.noneOf(StatsField.class), DateRangeSupport.NONE);

  StatsCapabilities() {}

  /** {@return no statistics} */
  public static StatsCapabilities none() {
    return NONE;
  }

  /**
   * Statistics with these fields and date-range support.
   *
   * @throws RequestValidationException for no field
   * @param fields the fields
   * @param dateRange the date range
   * @return the capabilities
   */
  public static StatsCapabilities of(Set<StatsField> fields, DateRangeSupport dateRange) {
    if (fields.isEmpty()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER, "stats: needs at least one field");
    }
    return ImmutableStatsCapabilities.of(fields, dateRange);
  }

  /** {@return the fields the provider reports} */
  @Value.Parameter
  public abstract Set<StatsField> fields();

  /** {@return whether a date range is refused, optional or required} */
  @Value.Parameter
  public abstract DateRangeSupport dateRange();

  /**
   * Whether it reports {@code field}.
   * @param field the field
   * @return whether it reports {@code field}
   */
  public boolean reports(StatsField field) {
    return fields().contains(field);
  }

  /** {@return whether statistics exist at all} */
  public boolean supported() {
    return !fields().isEmpty();
  }

  @Override
  public String toString() {
    return "StatsCapabilities{fields=" + fields() + ", dateRange=" + dateRange() + "}";
  }
}
