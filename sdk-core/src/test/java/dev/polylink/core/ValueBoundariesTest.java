package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The exact boundaries of the value types' checks, and the small methods no other test reads. */
class ValueBoundariesTest {

  @Test
  void zeroClicksAreACountAndATotal() {
    assertEquals(0, ClickCount.of("US", 0).clicks());
    assertThrows(IllegalArgumentException.class, () -> ClickCount.of("US", -1));
    LinkStats stats = LinkStats.builder().linkId(LinkId.of("a")).totalClicks(0).build();
    assertEquals(OptionalLong.of(0), stats.totalClicks());
    assertThrows(IllegalArgumentException.class, () -> LinkStats.builder().totalClicks(-1));
  }

  @Test
  void aBatchOfOneIsTheSmallestBulkSupport() {
    assertEquals(1, BulkSupport.of(1).maxBatchSize());
    assertThrows(RequestValidationException.class, () -> BulkSupport.of(0));
    assertEquals("BulkSupport{maxBatchSize=25}", BulkSupport.of(25).toString());
  }

  @Test
  void aQrSizeRangeMayBeOneSizeStartingAtOne() {
    QrCapabilities one = QrCapabilities.of(EnumSet.of(QrFormat.PNG), 1, 1, QrSizeUnit.PIXELS);
    assertEquals(1, one.minSize());
    assertEquals(1, one.maxSize());
    assertThrows(RequestValidationException.class,
        () -> QrCapabilities.of(EnumSet.of(QrFormat.PNG), 0, 5, QrSizeUnit.PIXELS));
    assertThrows(RequestValidationException.class,
        () -> QrCapabilities.of(EnumSet.of(QrFormat.PNG), 5, 4, QrSizeUnit.PIXELS));
  }

  @Test
  void statsCapabilitiesReportExactlyTheirFields() {
    StatsCapabilities stats = StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS), DateRangeSupport.NONE);
    assertTrue(stats.reports(StatsField.TOTAL_CLICKS));
    assertFalse(stats.reports(StatsField.COUNTRIES));
    assertFalse(StatsCapabilities.none().reports(StatsField.TOTAL_CLICKS));
  }

  @Test
  void quotasReplacesTheQuotasAddedBefore() {
    Quota calls = Quota.builder("calls").limit(10).build();
    Quota links = Quota.builder("links").used(3).build();
    AccountUsage usage = AccountUsage.builder().addQuota(calls).quotas(List.of(links)).build();
    assertEquals(Map.of("links", links), usage.quotas());
    assertEquals(Map.of("calls", calls, "links", links),
        AccountUsage.builder().quotas(List.of(calls, links)).build().quotas());
  }

  @Test
  void bulkResultToStringCountsTheItems() {
    BulkResult<String> result = BulkResult.of(List.of(BulkItem.success(0, "a"),
        BulkItem.failure(1, new RequestValidationException("p", "x: bad"))));
    assertEquals("BulkResult{items=2, succeeded=1, failed=1}", result.toString());
  }

  @Test
  void aDestinationMayBeGivenAsAUri() {
    URI uri = URI.create("https://example.com/a");
    assertEquals(uri, CreateLinkRequest.builder().destination(uri).build().destination());
  }

  @Test
  void theMarkdownTableListsTheFieldsAndOperations() {
    Capabilities caps = Capabilities.builder().operations(Operation.CREATE).creatableFields(LinkField.DESTINATION).build();
    String table = caps.markdownTable();
    assertTrue(table.startsWith("| field | create | update | clear |\n"), table);
    assertTrue(table.contains("Largest page: 100."), table);
  }

  @Test
  void aPathIsPoppedAfterEachNestedValue() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("a", Map.of("x", 1));
    fields.put("b", List.of("ok"));
    fields.put("c", new Object());
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> PlainValues.freezeMap(fields));
    assertTrue(e.violations().get(0).startsWith("providerFields.c: only String"), e.violations()::toString);
    Map<String, Object> good = new LinkedHashMap<>(fields);
    good.remove("c");
    assertEquals(Map.of("a", Map.of("x", 1), "b", List.of("ok")), PlainValues.freezeMap(good));
  }

  @Test
  void aPathNamesListIndexesAndIsPoppedAfterEachElement() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("l", java.util.Arrays.asList("ok", null, List.of("x", new Object())));
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> PlainValues.freezeMap(fields));
    assertTrue(e.violations().get(0).startsWith("providerFields.l[2][1]: only String"), e.violations()::toString);
    Map<String, Object> nested = Map.of("m", Map.of("n", List.of(Map.of("o", true))));
    assertEquals(nested, PlainValues.freezeMap(nested));
    assertEquals(java.util.Arrays.asList("a", null), PlainValues.freezeMap(Map.of("l", java.util.Arrays.asList("a", null))).get("l"));
  }

  @Test
  void theCeilingIsTheDoubledBackoffWhenTheCapIsJustAboveIt() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(401)).build();
    assertEquals(Duration.ofMillis(400), p.backoffCeiling(3));
    assertEquals(Duration.ofMillis(401), p.backoffCeiling(4));
  }
}
