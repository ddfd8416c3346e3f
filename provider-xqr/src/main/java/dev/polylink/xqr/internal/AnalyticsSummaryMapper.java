package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.xqr.XqrAnalyticsSummary;
import dev.polylink.xqr.XqrSummaryPeriod;
import java.util.Map;

/**
 * Maps the {@code data} object of xQR's {@code GET /v1/analytics/summary} onto {@link
 * XqrAnalyticsSummary}: the object whole, and {@code total_scans} where it is a JSON integer of at
 * least 0 (a fraction, a string or a negative number leaves it empty).
 */
final class AnalyticsSummaryMapper {
  private AnalyticsSummaryMapper() {}

  static XqrAnalyticsSummary toSummary(XqrSummaryPeriod period, JsonNode data) {
    Map<String, Object> frozen = FrozenJson.map(data);
    XqrAnalyticsSummary.Builder summary = XqrAnalyticsSummary.builder().period(period).data(frozen);
    Object total = frozen.get("total_scans");
    if (total instanceof Number && !(total instanceof Double || total instanceof Float)
        && ((Number) total).longValue() >= 0) {
      summary.totalScans(((Number) total).longValue());
    }
    return summary.build();
  }
}
