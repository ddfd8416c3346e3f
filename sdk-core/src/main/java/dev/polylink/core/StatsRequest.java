package dev.polylink.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which statistics to read: a date range, both ends inclusive, or none for the link's whole life.
 * Days are the vendor's calendar days (UTC unless the vendor says otherwise). Checked against
 * {@link StatsCapabilities#dateRange()} before any request.
 */
@Value.Immutable
@ValueStyle
public abstract class StatsRequest {
  private static final StatsRequest ALL_TIME = builder().build();

  StatsRequest() {}

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
    return ImmutableStatsRequest.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableStatsRequest.builder().from(this);
  }

  /** {@return the first day, inclusive} */
  public abstract Optional<LocalDate> from();

  /** {@return the last day, inclusive} */
  public abstract Optional<LocalDate> to();

  /** {@return whether a range is set} */
  public boolean hasRange() {
    return from().isPresent();
  }

  @Override
  public String toString() {
    return "StatsRequest{from=" + from().orElse(null) + ", to=" + to().orElse(null) + "}";
  }

  /** Builds a {@link StatsRequest}; null-hostile. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableStatsRequest.Builder generated() {
      return (ImmutableStatsRequest.Builder) this;
    }

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
      return generated().setFrom(from).setTo(to);
    }

    /** {@return the value built from this builder} */
    public abstract StatsRequest build();
  }
}
