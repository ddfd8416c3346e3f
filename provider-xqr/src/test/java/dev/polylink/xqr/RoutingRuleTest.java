package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RequestValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RoutingRule}, {@link HourRange} and {@link XqrOptions} as values. */
class RoutingRuleTest {
  private static RoutingRule.Builder mobile() {
    return RoutingRule.builder().destination("https://m.example.com").priority(2).deviceTypes(DeviceType.MOBILE);
  }

  @Test
  void aRuleKeepsWhatItWasGiven() {
    RoutingRule rule = RoutingRule.builder()
        .destination(URI.create("https://example.com/b"))
        .priority(0)
        .countries(CountryMode.EXCLUDE, List.of("fr", "Be"))
        .deviceTypes(DeviceType.DESKTOP, DeviceType.MOBILE)
        .hours(22, 4)
        .percentage(100)
        .expiresAt(Instant.parse("2026-12-31T23:59:59Z"))
        .build();
    assertEquals(URI.create("https://example.com/b"), rule.destination());
    assertEquals(0, rule.priority());
    assertEquals(List.of("FR", "BE"), rule.countries());
    assertEquals(Optional.of(CountryMode.EXCLUDE), rule.countryMode());
    assertEquals(Set.of(DeviceType.MOBILE, DeviceType.DESKTOP), rule.deviceTypes());
    assertEquals(Optional.of(HourRange.of(22, 4)), rule.hours());
    assertTrue(rule.hours().get().wrapsMidnight());
    assertEquals(OptionalInt.of(100), rule.percentage());
    assertEquals(Optional.of(Instant.parse("2026-12-31T23:59:59Z")), rule.expiresAt());
    assertEquals(rule, rule.toBuilder().build());
    assertEquals(rule.hashCode(), rule.toBuilder().build().hashCode());
    assertEquals("RoutingRule{priority=0, destination=https://example.com/b, countries=exclude[FR, BE],"
        + " deviceTypes=[MOBILE, DESKTOP], hours=22-4, percentage=100, expiresAt=2026-12-31T23:59:59Z}", rule.toString());
  }

  @Test
  void unsetConditionsAreEmpty() {
    RoutingRule rule = mobile().build();
    assertEquals(List.of(), rule.countries());
    assertEquals(Optional.empty(), rule.countryMode());
    assertEquals(Optional.empty(), rule.hours());
    assertEquals(OptionalInt.empty(), rule.percentage());
    assertEquals(Optional.empty(), rule.expiresAt());
    assertNotEquals(rule, mobile().priority(3).build());
    assertNotEquals(rule, mobile().deviceTypes(DeviceType.TABLET).build());
  }

  @Test
  void missingPartsAreAllNamed() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> RoutingRule.builder().build());
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertTrue(e.violations().get(0).startsWith("routingRule.destination: is required"));
    assertTrue(e.violations().get(1).startsWith("routingRule.priority: is required"));
    assertTrue(e.violations().get(2).startsWith("routingRule.conditions: at least one condition"));
    assertEquals("xqr", e.providerId());
  }

  @Test
  void malformedValuesAreRejectedByTheSetters() {
    assertEquals(List.of("routingRule.destination: must be an absolute http or https URL (was \"ftp://x\")"),
        assertThrows(RequestValidationException.class, () -> RoutingRule.builder().destination("ftp://x")).violations());
    assertEquals(List.of("routingRule.percentage: must be between 0 and 100 (was 101)"),
        assertThrows(RequestValidationException.class, () -> RoutingRule.builder().percentage(101)).violations());
    assertThrows(RequestValidationException.class, () -> RoutingRule.builder().percentage(-1));
    assertThrows(RequestValidationException.class, () -> RoutingRule.builder().priority(-1));
    assertEquals(List.of("routingRule.countries: must be two-letter ISO 3166-1 country codes (was \"DEU\")"),
        assertThrows(RequestValidationException.class,
            () -> RoutingRule.builder().countries(CountryMode.INCLUDE, "DE", "DEU")).violations());
    assertThrows(RequestValidationException.class, () -> RoutingRule.builder().countries(CountryMode.INCLUDE));
    assertThrows(RequestValidationException.class, () -> RoutingRule.builder().deviceTypes(List.of()));
    assertThrows(NullPointerException.class, () -> RoutingRule.builder().deviceTypes(DeviceType.MOBILE, null));
    assertThrows(NullPointerException.class, () -> RoutingRule.builder().destination((String) null));
  }

  @Test
  void hourRangesAreWholeHoursThatDiffer() {
    assertEquals(9, HourRange.of(9, 17).start());
    assertEquals(17, HourRange.of(9, 17).end());
    assertFalse(HourRange.of(9, 17).wrapsMidnight());
    assertEquals("20-6", HourRange.of(20, 6).toString());
    assertEquals(2, assertThrows(RequestValidationException.class, () -> HourRange.of(24, -1)).violations().size());
    assertEquals(List.of("hours: start and end must differ (was 9 to 9)"),
        assertThrows(RequestValidationException.class, () -> HourRange.of(9, 9)).violations());
  }

  @Test
  void optionsAreTriStateValues() {
    XqrOptions none = XqrOptions.builder().build();
    XqrOptions cleared = XqrOptions.builder().clearRoutingRules().build();
    XqrOptions some = XqrOptions.builder().routingRules(mobile().build()).build();
    assertEquals(Optional.empty(), none.routingRules());
    assertEquals(Optional.of(List.of()), cleared.routingRules());
    assertEquals(cleared, XqrOptions.builder().routingRules(List.of()).build());
    assertEquals(Optional.of(List.of(mobile().build())), some.routingRules());
    assertEquals(some, some.toBuilder().build());
    assertEquals(some.hashCode(), XqrOptions.builder().routingRules(List.of(mobile().build())).build().hashCode());
    assertNotEquals(none, cleared);
    assertEquals("xqr", some.providerId());
    assertEquals("XqrOptions{}", none.toString());
    assertEquals("XqrOptions{routingRules=[]}", cleared.toString());
    assertTrue(some.toString().contains("https://m.example.com"), some.toString());
  }

  @Test
  void twoRulesMayNotShareAPriority() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> XqrOptions.builder().routingRules(mobile().build(), mobile().deviceTypes(DeviceType.TABLET).build()).build());
    assertEquals(List.of("routingRules: each rule needs its own priority (repeated: [2])"), e.violations());
  }
}
