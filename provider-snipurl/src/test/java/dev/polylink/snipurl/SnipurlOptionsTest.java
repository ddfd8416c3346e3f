package dev.polylink.snipurl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SnipurlOptions and AnalyticsSection as values. */
class SnipurlOptionsTest {
  @Test
  void sectionsHaveSnipurlsNamesInTheDocumentedOrderThenTheServersOwn() {
    assertEquals(List.of("overview", "locations", "devices", "referrers", "browsers", "clicks", "trend", "countries", "os"),
        Arrays.stream(AnalyticsSection.values()).map(AnalyticsSection::wireName).collect(Collectors.toList()));
  }

  @Test
  void everyNameTheServersPublicPageReadsIsASection() {
    for (String name : List.of("clicks", "trend", "countries", "devices", "browsers", "referrers", "os")) {
      assertEquals(name, AnalyticsSection.fromWireName(name).orElseThrow().wireName());
    }
    assertEquals(Optional.empty(), AnalyticsSection.fromWireName("Clicks"));
    assertEquals(Optional.empty(), AnalyticsSection.fromWireName("cities"));
  }

  @Test
  void nothingSetIsEmpty() {
    SnipurlOptions options = SnipurlOptions.builder().build();
    assertTrue(options.isEmpty());
    assertEquals(Optional.empty(), options.analyticsPublic());
    assertEquals(Optional.empty(), options.analyticsSharedFields());
    assertFalse(options.sharesAllAnalyticsSections());
    assertEquals("snipurl", options.providerId());
    assertEquals("SnipurlOptions{}", options.toString());
  }

  @Test
  void theLastSharedSectionsCallWins() {
    SnipurlOptions all = SnipurlOptions.builder()
        .analyticsSharedFields(Set.of(AnalyticsSection.DEVICES)).shareAllAnalyticsSections().build();
    assertTrue(all.sharesAllAnalyticsSections());
    assertEquals(Optional.empty(), all.analyticsSharedFields());
    assertEquals("SnipurlOptions{analyticsSharedFields=all}", all.toString());

    SnipurlOptions some = SnipurlOptions.builder()
        .shareAllAnalyticsSections().analyticsSharedFields(Set.of(AnalyticsSection.BROWSERS, AnalyticsSection.OVERVIEW))
        .analyticsPublic(true).build();
    assertFalse(some.sharesAllAnalyticsSections());
    assertEquals(Optional.of(EnumSet.of(AnalyticsSection.OVERVIEW, AnalyticsSection.BROWSERS)), some.analyticsSharedFields());
    assertEquals("SnipurlOptions{analyticsPublic=true, analyticsSharedFields=[overview, browsers]}", some.toString());
  }

  @Test
  void valueEqualityAndToBuilder() {
    SnipurlOptions a = SnipurlOptions.builder().analyticsPublic(true)
        .analyticsSharedFields(new HashSet<>(List.of(AnalyticsSection.LOCATIONS, AnalyticsSection.OVERVIEW))).build();
    SnipurlOptions b = SnipurlOptions.builder().analyticsPublic(true)
        .analyticsSharedFields(EnumSet.of(AnalyticsSection.OVERVIEW, AnalyticsSection.LOCATIONS)).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a, a.toBuilder().build());
    assertNotEquals(a, a.toBuilder().analyticsPublic(false).build());
    assertNotEquals(a, a.toBuilder().shareAllAnalyticsSections().build());
    assertNotEquals(SnipurlOptions.builder().build(), SnipurlOptions.builder().analyticsSharedFields(Set.of()).build());
  }

  @Test
  void theOptionsAreImmutable() {
    Set<AnalyticsSection> source = EnumSet.of(AnalyticsSection.OVERVIEW);
    SnipurlOptions options = SnipurlOptions.builder().analyticsSharedFields(source).build();
    source.add(AnalyticsSection.DEVICES);
    assertEquals(Optional.of(EnumSet.of(AnalyticsSection.OVERVIEW)), options.analyticsSharedFields());
    assertThrows(UnsupportedOperationException.class,
        () -> options.analyticsSharedFields().orElseThrow().add(AnalyticsSection.BROWSERS));
  }

  @Test
  void nullsAreRejected() {
    assertThrows(NullPointerException.class, () -> SnipurlOptions.builder().analyticsSharedFields(null));
    Set<AnalyticsSection> withNull = new HashSet<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> SnipurlOptions.builder().analyticsSharedFields(withNull));
  }
}
