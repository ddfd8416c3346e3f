package dev.polylink.xqr;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * xQR's workspace analytics summary ({@code GET /v1/analytics/summary?period=}). xQR documents the
 * endpoint and its periods but not the members of its answer, so this keeps the {@code data} object
 * as sent ({@link #data()}) and reads {@link #totalScans()} from {@code total_scans}, the name xQR's
 * per-link statistics use, only where the summary carries it.
 */
public final class XqrAnalyticsSummary {
  private final XqrSummaryPeriod period;
  private final Long totalScans;
  private final Map<String, Object> data;

  XqrAnalyticsSummary(XqrSummaryPeriod period, Long totalScans, Map<String, Object> data) {
    this.period = period;
    this.totalScans = totalScans;
    this.data = data;
  }

  /** {@return the period asked for} */
  public XqrSummaryPeriod period() {
    return period;
  }

  /** {@return {@code total_scans}, when the answer has it} */
  public OptionalLong totalScans() {
    return totalScans == null ? OptionalLong.empty() : OptionalLong.of(totalScans);
  }

  /** {@return the answer's {@code data} as plain values} */
  public Map<String, Object> data() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XqrAnalyticsSummary && ((XqrAnalyticsSummary) o).period == period
        && Objects.equals(((XqrAnalyticsSummary) o).totalScans, totalScans) && ((XqrAnalyticsSummary) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(period, totalScans, data);
  }

  @Override
  public String toString() {
    return "XqrAnalyticsSummary{period=" + period + ", totalScans=" + totalScans + ", data=" + data + "}";
  }

}
