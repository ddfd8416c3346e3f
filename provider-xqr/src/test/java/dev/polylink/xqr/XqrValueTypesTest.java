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
}
