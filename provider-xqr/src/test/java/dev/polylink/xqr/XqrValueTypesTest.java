package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/**
 * Equality (EqualsVerifier on the generated classes) and the whole {@code toString()} of xQR's
 * value types.
 */
class XqrValueTypesTest {
  @Test
  void everyFieldTakesPartInEquality() {
    EqualsVerifier.forClass(ImmutableXqrOptions.class).verify();
    EqualsVerifier.forClass(ImmutableRoutingRule.class).withNonnullFields("countries", "deviceTypes").verify();
    EqualsVerifier.forClass(ImmutableHourRange.class).verify();
    EqualsVerifier.forClass(ImmutableXqrQrOptions.class).verify();
    EqualsVerifier.forClass(ImmutableXqrAnalyticsSummary.class).withNonnullFields("period", "data").verify();
    EqualsVerifier.forClass(ImmutableXqrWebhookEvent.class).withNonnullFields("type", "eventName", "data").verify();
  }

  @Test
  void qrOptionsAndSummaryShowEveryPart() {
    assertEquals("XqrQrOptions{templateId=null}", XqrQrOptions.builder().build().toString());
    assertEquals("XqrQrOptions{templateId=0c7a8d1e-2f3b-4c5d-8e9f-0a1b2c3d4e5f}",
        XqrQrOptions.builder().templateId(java.util.UUID.fromString("0c7a8d1e-2f3b-4c5d-8e9f-0a1b2c3d4e5f")).build()
            .toString());
    assertEquals("XqrAnalyticsSummary{period=ALL, totalScans=null, data={}}",
        XqrAnalyticsSummary.builder().period(XqrSummaryPeriod.ALL).data(java.util.Map.of()).build().toString());
    assertEquals("XqrAnalyticsSummary{period=DAYS_7, totalScans=3, data={total_scans=3}}",
        XqrAnalyticsSummary.builder().period(XqrSummaryPeriod.DAYS_7).totalScans(3)
            .data(java.util.Map.of("total_scans", 3)).build().toString());
  }

  @Test
  void aWebhookEventShowsItsNameTimeAndDeliveryButNotItsData() {
    XqrWebhookEvent event = ImmutableXqrWebhookEvent.builder()
        .setType(XqrWebhookEventType.LINK_SCANNED).setEventName("link.scanned")
        .setTimestamp(Instant.parse("2026-03-21T12:00:00Z")).setDeliveryId("9b2f0c44-1d2e-4f5a-8b6c-7d8e9f0a1b2c")
        .setData(java.util.Map.of("destination", "https://example.com/private-offer")).build();
    assertEquals("XqrWebhookEvent{event=link.scanned, timestamp=2026-03-21T12:00:00Z,"
        + " delivery=9b2f0c44-1d2e-4f5a-8b6c-7d8e9f0a1b2c}", event.toString());
    assertEquals("XqrWebhookEvent{event=x.y, timestamp=null, delivery=null}",
        ImmutableXqrWebhookEvent.builder().setType(XqrWebhookEventType.UNKNOWN).setEventName("x.y").build().toString());
  }

  @Test
  void aSummaryBuilderIsNullHostileAndCopiesItsData() {
    java.util.Map<String, Object> nested = new java.util.HashMap<>();
    nested.put("top", new java.util.ArrayList<>(java.util.List.of(1)));
    XqrAnalyticsSummary summary = XqrAnalyticsSummary.builder().period(XqrSummaryPeriod.ALL).data(nested).build();
    nested.clear();
    assertEquals(java.util.Map.of("top", java.util.List.of(1)), summary.data());
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> ((java.util.List<Object>) summary.data().get("top")).add(2));
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> XqrAnalyticsSummary.builder().period(null));
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> XqrAnalyticsSummary.builder().data(null));
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> XqrAnalyticsSummary.builder().build(), "the period is required");
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> XqrQrOptions.builder().templateId(null));
  }

  @Test
  void optionsShowTheirRulesWhole() {
    RoutingRule mobile = RoutingRule.builder()
        .destination("https://m.example.com/promo")
        .priority(2)
        .deviceTypes(DeviceType.TABLET, DeviceType.MOBILE)
        .build();
    RoutingRule german = RoutingRule.builder()
        .destination("https://example.de/promo")
        .priority(1)
        .countries(CountryMode.INCLUDE, "de", "AT")
        .build();
    assertEquals(
        "XqrOptions{routingRules=[RoutingRule{priority=2, destination=https://m.example.com/promo,"
            + " deviceTypes=[MOBILE, TABLET]}, RoutingRule{priority=1, destination=https://example.de/promo,"
            + " countries=include[DE, AT]}]}",
        XqrOptions.builder().routingRules(mobile, german).build().toString());
  }

  @Test
  void aRuleShowsOnlyTheConditionsThatAreSet() {
    assertEquals("RoutingRule{priority=0, destination=https://example.com/night, hours=20-6}",
        RoutingRule.builder().destination("https://example.com/night").priority(0).hours(20, 6).build().toString());
    assertEquals(
        "RoutingRule{priority=5, destination=https://example.com/ab, percentage=0,"
            + " expiresAt=2026-12-31T00:00:00Z}",
        RoutingRule.builder().destination("https://example.com/ab").priority(5).percentage(0)
            .expiresAt(Instant.parse("2026-12-31T00:00:00Z")).build().toString());
    assertEquals("0-23", HourRange.of(0, 23).toString());
  }

  @Test
  void qrOptionsAreXqrsAndRoundTripThroughTheirBuilder() {
    XqrQrOptions options = XqrQrOptions.builder().build();
    assertEquals("xqr", options.providerId());
    assertEquals(options, options.toBuilder().build());
  }
}
