package dev.polylink.xqr;

import dev.polylink.core.spi.FrozenJson;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * xQR's workspace analytics summary ({@code GET /v1/analytics/summary?period=}). xQR documents the
 * endpoint and its periods but not the members of its answer, and its two examples disagree (the
 * Summary page shows {@code total_links}, {@code total_scans}, {@code active_links_30d} and {@code
 * unique_countries}; the analytics guide {@code total_scans}, {@code unique_visitors}, {@code
 * scans_change_pct}, {@code top_countries} and {@code top_devices}), so this keeps the {@code data}
 * object as sent ({@link #data()}) and reads {@link #totalScans()} from {@code total_scans}, the one
 * name both use, only where the summary carries it.
 */
@Value.Immutable
@ValueStyle
public abstract class XqrAnalyticsSummary {
  XqrAnalyticsSummary() {}

  /**
   * A builder, for tests and for the client's mapper; {@link Builder#period} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableXqrAnalyticsSummary.builder();
  }

  /** {@return the period asked for} */
  public abstract XqrSummaryPeriod period();

  /** {@return {@code total_scans}, when the answer has it} */
  public abstract OptionalLong totalScans();

  /** {@return the answer's {@code data} as plain values} */
  @AllowNulls
  public abstract Map<String, Object> data();

  @Override
  public String toString() {
    return "XqrAnalyticsSummary{period=" + period() + ", totalScans="
        + (totalScans().isPresent() ? totalScans().getAsLong() : null) + ", data=" + data() + "}";
  }

  /** Builds an {@link XqrAnalyticsSummary}; null-hostile, unset parts stay empty. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableXqrAnalyticsSummary.Builder generated() {
      return (ImmutableXqrAnalyticsSummary.Builder) this;
    }

    /**
     * Sets the period asked for.
     *
     * @param period the period
     * @return this builder
     */
    public Builder period(XqrSummaryPeriod period) {
      return generated().setPeriod(period);
    }

    /**
     * Sets {@code total_scans}.
     *
     * @param totalScans the scans counted
     * @return this builder
     */
    public Builder totalScans(long totalScans) {
      return generated().setTotalScans(totalScans);
    }

    /**
     * Sets the answer's {@code data}: plain values (String, Boolean, Number, List, Map, null),
     * deep-copied.
     *
     * @param data the {@code data} object
     * @return this builder
     */
    public Builder data(Map<String, ?> data) {
      return generated().setData(FrozenJson.map(data));
    }

    /** {@return the summary} */
    public abstract XqrAnalyticsSummary build();
  }
}
