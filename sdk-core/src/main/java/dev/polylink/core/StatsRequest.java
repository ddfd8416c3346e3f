package dev.polylink.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which statistics to read: a date range, both ends inclusive, or none for the link's whole life.
 * Days are the vendor's calendar days (UTC unless the vendor says otherwise). Checked against
 * {@link StatsCapabilities#dateRange()} before any request.
 */
public final class StatsRequest {
  private static final StatsRequest ALL_TIME = builder().build();

  private final LocalDate from;
  private final LocalDate to;

  private StatsRequest(Builder b) {
    this.from = b.from;
    this.to = b.to;
  }

  /** {@return no range} */
  public static StatsRequest allTime() {
    return ALL_TIME;
  }

  /**
   * From {@code from} to {@code to}, both inclusive.
   * @param from the from
   * @param to the to
   * @return from {@code from} to {@code to}, both inclusive
   */
  public static StatsRequest between(LocalDate from, LocalDate to) {
    return builder().range(from, to).build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from = from;
    b.to = to;
    return b;
  }

  /** {@return the first day, inclusive} */
  public Optional<LocalDate> from() {
    return Optional.ofNullable(from);
  }

  /** {@return the last day, inclusive} */
  public Optional<LocalDate> to() {
    return Optional.ofNullable(to);
  }

  /** {@return whether a range is set} */
  public boolean hasRange() {
    return from != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatsRequest && Objects.equals(((StatsRequest) o).from, from)
        && Objects.equals(((StatsRequest) o).to, to);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to);
  }

  @Override
  public String toString() {
    return "StatsRequest{from=" + from + ", to=" + to + "}";
  }

  /** Builds a {@link StatsRequest}; null-hostile. */
  public static final class Builder {
    private LocalDate from;
    private LocalDate to;

    private Builder() {}

    /**
     * Both ends of the range, inclusive. Vendors take both or neither, so there is no open-ended
     * range.
     *
     * @throws RequestValidationException when {@code to} is before {@code from}
     * @param from the from
     * @param to the to
     * @return this builder
     */
    public Builder range(LocalDate from, LocalDate to) {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new RequestValidationException(PolylinkException.NO_PROVIDER,
            "to: must not be before from (was " + from + " to " + to + ")");
      }
      this.from = from;
      this.to = to;
      return this;
    }

    /** {@return the value built from this builder} */
    public StatsRequest build() {
      return new StatsRequest(this);
    }
  }
}
