package dev.polylink.snipurl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/** {@link SnipurlOptions}' equality (EqualsVerifier on the generated class) and whole {@code toString()}. */
class SnipurlOptionsValueTest {
  @Test
  void everySettingTakesPartInEquality() {
    EqualsVerifier.forClass(ImmutableSnipurlOptions.class).verify();
  }

  @Test
  void toStringShowsTheSectionsByWireNameInSectionOrder() {
    assertEquals("SnipurlOptions{analyticsPublic=false, analyticsSharedFields=[]}",
        SnipurlOptions.builder().analyticsPublic(false).analyticsSharedFields(Set.of()).build().toString());
    assertEquals("SnipurlOptions{analyticsSharedFields=[overview, devices, referrers]}",
        SnipurlOptions.builder()
            .analyticsSharedFields(EnumSet.of(AnalyticsSection.REFERRERS, AnalyticsSection.OVERVIEW, AnalyticsSection.DEVICES))
            .build().toString());
    assertEquals("SnipurlOptions{analyticsPublic=true, analyticsSharedFields=all}",
        SnipurlOptions.builder().analyticsSharedFields(Set.of(AnalyticsSection.BROWSERS)).analyticsPublic(true)
            .shareAllAnalyticsSections().build().toString());
  }
}
