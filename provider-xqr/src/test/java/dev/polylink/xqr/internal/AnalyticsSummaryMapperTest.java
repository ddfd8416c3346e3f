package dev.polylink.xqr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.Json;
import dev.polylink.core.testing.Fixtures;
import dev.polylink.xqr.XqrAnalyticsSummary;
import dev.polylink.xqr.XqrSummaryPeriod;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** xQR's summary {@code data} onto {@link XqrAnalyticsSummary}, from xQR's documented example. */
class AnalyticsSummaryMapperTest {
  private static JsonNode data(String json) throws Exception {
    return Json.mapper().readTree(json).get("data");
  }

  @Test
  void theDocumentedExampleKeepsItsDataAndReadsTotalScans() throws Exception {
    XqrAnalyticsSummary summary =
        AnalyticsSummaryMapper.toSummary(XqrSummaryPeriod.DAYS_30, data(Fixtures.read("analytics-summary-response.json")));
    assertEquals(
        XqrAnalyticsSummary.builder().period(XqrSummaryPeriod.DAYS_30).totalScans(28450)
            .data(Map.of("total_links", 142, "total_scans", 28450, "active_links_30d", 87, "unique_countries", 34))
            .build(),
        summary);
    assertEquals(OptionalLong.of(28450), summary.totalScans());
    assertEquals(
        "XqrAnalyticsSummary{period=DAYS_30, totalScans=28450, data={total_links=142, total_scans=28450,"
            + " active_links_30d=87, unique_countries=34}}",
        summary.toString());
  }

  @Test
  void totalScansIsReadOnlyAsAWholeNumberOfAtLeastZero() throws Exception {
    for (String value : new String[] {"-1", "12.5", "\"12\"", "null", "[]"}) {
      XqrAnalyticsSummary summary =
          AnalyticsSummaryMapper.toSummary(XqrSummaryPeriod.ALL, data("{\"data\": {\"total_scans\": " + value + "}}"));
      assertEquals(OptionalLong.empty(), summary.totalScans(), value);
    }
    assertEquals(OptionalLong.of(0),
        AnalyticsSummaryMapper.toSummary(XqrSummaryPeriod.ALL, data("{\"data\": {\"total_scans\": 0}}")).totalScans());
    assertEquals(OptionalLong.empty(), AnalyticsSummaryMapper.toSummary(XqrSummaryPeriod.ALL, data("{\"data\": {}}")).totalScans());
  }

  @Test
  void aJsonNullStaysInTheData() throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("total_scans", null);
    expected.put("top", 1);
    assertEquals(expected,
        AnalyticsSummaryMapper.toSummary(XqrSummaryPeriod.ALL, data("{\"data\": {\"total_scans\": null, \"top\": 1}}")).data());
  }
}
