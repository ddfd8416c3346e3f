package dev.polylink.snipurl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.spi.Json;
import dev.polylink.core.testing.Fixtures;
import dev.polylink.snipurl.SnipurlAnalyticsSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** SnipURL's summary {@code data} onto {@link SnipurlAnalyticsSummary}, from SnipURL's documented example. */
class AnalyticsSummaryMapperTest {
  private static JsonNode data(String json) throws Exception {
    return Json.mapper().readTree(json).get("data");
  }

  @Test
  void theDocumentedExampleReadsEveryMember() throws Exception {
    JsonNode data = data(Fixtures.read("analytics-summary-response.json"));
    SnipurlAnalyticsSummary summary = AnalyticsSummaryMapper.toSummary(data);
    LocalDate june20 = LocalDate.of(2025, 6, 20);
    List<DailyClicks> days = List.of(DailyClicks.of(june20, 124), DailyClicks.of(june20.plusDays(1), 156),
        DailyClicks.of(june20.plusDays(2), 89), DailyClicks.of(june20.plusDays(3), 201),
        DailyClicks.of(june20.plusDays(4), 178));
    Map<String, Object> top = Map.of("id", "550e8400-e29b-41d4-a716-446655440000", "short_code", "a8Kx2m");
    assertEquals(OptionalLong.of(47), summary.totalLinks());
    assertEquals(OptionalLong.of(42), summary.activeLinks());
    assertEquals(OptionalLong.of(8934), summary.totalClicks());
    assertEquals(Optional.of(days), summary.clicksOverTime(), "the documented items count under \"count\"");
    assertEquals(Optional.of(List.of(top)), summary.topLinks());
    assertEquals(Json.toPlainMap(data), summary.data());
    assertEquals(
        SnipurlAnalyticsSummary.builder().totalLinks(47).activeLinks(42).totalClicks(8934).clicksOverTime(days)
            .topLinks(List.of(top)).data(Json.toPlainMap(data)).build(),
        summary);
    assertEquals(
        "SnipurlAnalyticsSummary{totalLinks=47, activeLinks=42, totalClicks=8934, clicksOverTime=[2025-06-20=124,"
            + " 2025-06-21=156, 2025-06-22=89, 2025-06-23=201, 2025-06-24=178],"
            + " topLinks=[{id=550e8400-e29b-41d4-a716-446655440000, short_code=a8Kx2m}]}",
        summary.toString());
  }

  @Test
  void whatTheAnswerLacksOrMistypesStaysEmpty() throws Exception {
    SnipurlAnalyticsSummary summary = AnalyticsSummaryMapper.toSummary(
        data("{\"data\": {\"total_links\": \"x\", \"active_links\": 1.5, \"top_links\": [3, {\"a\": null}, \"b\"]}}"));
    assertEquals(OptionalLong.empty(), summary.totalLinks());
    assertEquals(OptionalLong.empty(), summary.activeLinks());
    assertEquals(OptionalLong.empty(), summary.totalClicks());
    assertEquals(Optional.empty(), summary.clicksOverTime());
    assertEquals(1, summary.topLinks().orElseThrow().size(), "only the object items");
    assertEquals(java.util.Collections.singletonMap("a", null), summary.topLinks().orElseThrow().get(0));
    assertEquals(Optional.empty(), AnalyticsSummaryMapper.toSummary(data("{\"data\": {}}")).topLinks());
    assertEquals(
        "SnipurlAnalyticsSummary{totalLinks=null, activeLinks=null, totalClicks=null, clicksOverTime=null,"
            + " topLinks=null}",
        AnalyticsSummaryMapper.toSummary(data("{\"data\": {}}")).toString());
  }
}
