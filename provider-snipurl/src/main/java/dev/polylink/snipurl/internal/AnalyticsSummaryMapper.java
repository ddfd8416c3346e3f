package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.ClickCounts;
import dev.polylink.core.spi.FrozenJson;
import dev.polylink.core.spi.Json;
import dev.polylink.snipurl.SnipurlAnalyticsSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the {@code data} object of SnipURL's {@code GET analytics/summary} onto {@link
 * SnipurlAnalyticsSummary}: {@code total_links}, {@code active_links} and {@code total_clicks}
 * where they are whole numbers, {@code clicks_over_time} where its items carry a date ({@code date}
 * or {@code day}) and a count ({@code clicks} or {@code count}; the documented example uses {@code
 * count}), the object items of {@code top_links} as sent, and the object whole.
 */
final class AnalyticsSummaryMapper {
  private AnalyticsSummaryMapper() {}

  static SnipurlAnalyticsSummary toSummary(JsonNode data) {
    Map<String, Object> frozen = FrozenJson.map(data);
    SnipurlAnalyticsSummary.Builder summary = SnipurlAnalyticsSummary.builder().data(frozen);
    Json.wholeNumber(data, "total_links").ifPresent(summary::totalLinks);
    Json.wholeNumber(data, "active_links").ifPresent(summary::activeLinks);
    Json.wholeNumber(data, "total_clicks").ifPresent(summary::totalClicks);
    ClickCounts.daily(data.get("clicks_over_time"), List.of("date", "day"), List.of("clicks", "count"))
        .ifPresent(summary::clicksOverTime);
    if (frozen.get("top_links") instanceof List<?> items) {
      List<Map<String, ?>> top = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, ?> link = (Map<String, ?>) item;
          top.add(link);
        }
      }
      summary.topLinks(top);
    }
    return summary.build();
  }
}
