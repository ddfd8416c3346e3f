package dev.polylink.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a provider's link statistics contain and whether they take a date range. {@link #none()}
 * for a provider without statistics. A field outside {@link #fields()} is always empty in {@link
 * LinkStats}.
 */
public final class StatsCapabilities {
  private static final StatsCapabilities NONE =
      new StatsCapabilities(EnumSet.noneOf(StatsField.class), DateRangeSupport.NONE);

  private final Set<StatsField> fields;
  private final DateRangeSupport dateRange;

  private StatsCapabilities(Set<StatsField> fields, DateRangeSupport dateRange) {
    this.fields = Collections.unmodifiableSet(fields.isEmpty() ? EnumSet.noneOf(StatsField.class) : EnumSet.copyOf(fields));
    this.dateRange = Objects.requireNonNull(dateRange, "dateRange");
  }

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
    return new StatsCapabilities(fields, dateRange);
  }

  /** {@return the fields the provider reports} */
  public Set<StatsField> fields() {
    return fields;
  }

  /**
   * Whether it reports {@code field}.
   * @param field the field
   * @return whether it reports {@code field}
   */
  public boolean reports(StatsField field) {
    return fields.contains(field);
  }

  /** {@return whether statistics exist at all} */
  public boolean supported() {
    return !fields.isEmpty();
  }

  /** {@return whether a date range is refused, optional or required} */
  public DateRangeSupport dateRange() {
    return dateRange;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatsCapabilities && ((StatsCapabilities) o).fields.equals(fields)
        && ((StatsCapabilities) o).dateRange == dateRange;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, dateRange);
  }

  @Override
  public String toString() {
    return "StatsCapabilities{fields=" + fields + ", dateRange=" + dateRange + "}";
  }
}
