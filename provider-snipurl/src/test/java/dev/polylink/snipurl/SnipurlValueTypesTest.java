package dev.polylink.snipurl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.DailyClicks;
import dev.polylink.core.RequestValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

/**
 * Equality (EqualsVerifier on the generated classes) and the whole {@code toString()} of SnipURL's
 * QR options and analytics summary.
 */
class SnipurlValueTypesTest {
  @Test
  void everyPartTakesPartInEquality() {
    EqualsVerifier.forClass(ImmutableSnipurlQrOptions.class).verify();
    EqualsVerifier.forClass(ImmutableSnipurlAnalyticsSummary.class).withNonnullFields("data").verify();
  }

  @Test
  void qrOptionsAreSnipurls() {
    assertEquals("snipurl", SnipurlQrOptions.builder().build().providerId());
  }

  @Test
  void qrOptionsShowEveryPartSetOrNot() {
    assertEquals("SnipurlQrOptions{color=null, background=null, errorCorrection=null, margin=null}",
        SnipurlQrOptions.builder().build().toString());
    assertEquals("SnipurlQrOptions{color=#1A1410, background=transparent, errorCorrection=H, margin=0}",
        SnipurlQrOptions.builder().margin(0).errorCorrection(QrErrorCorrection.H).background("transparent")
            .color("#1A1410").build().toString());
  }

  @Test
  void qrOptionsRejectBadValuesNamingTheField() {
    RequestValidationException color =
        assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().color("red"));
    assertEquals(List.of("color: must be # and 3 or 6 hex digits (was \"red\")"), color.violations());
    RequestValidationException background =
        assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().background("#12"));
    assertEquals(List.of("background: must be # and 3 or 6 hex digits or transparent (was \"#12\")"),
        background.violations());
    RequestValidationException margin =
        assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().margin(5));
    assertEquals(List.of("margin: must be 0 to 4 (was 5)"), margin.violations());
    assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().margin(-1));
    assertEquals("#abc", SnipurlQrOptions.builder().margin(4).color("#abc").build().color().orElseThrow());
    assertThrows(NullPointerException.class, () -> SnipurlQrOptions.builder().color(null));
    assertThrows(NullPointerException.class, () -> SnipurlQrOptions.builder().background(null));
    assertThrows(NullPointerException.class, () -> SnipurlQrOptions.builder().errorCorrection(null));
    SnipurlQrOptions options = SnipurlQrOptions.builder().color("#000").build();
    assertEquals(options, options.toBuilder().build());
  }

  @Test
  void aSummaryShowsItsNumbersDaysAndTopLinksButNotItsData() {
    assertEquals(
        "SnipurlAnalyticsSummary{totalLinks=null, activeLinks=null, totalClicks=null, clicksOverTime=null,"
            + " topLinks=null}",
        SnipurlAnalyticsSummary.builder().data(Map.of("other", 1)).build().toString());
    assertEquals(
        "SnipurlAnalyticsSummary{totalLinks=2, activeLinks=1, totalClicks=0, clicksOverTime=[2026-11-01=0],"
            + " topLinks=[]}",
        SnipurlAnalyticsSummary.builder().totalLinks(2).activeLinks(1).totalClicks(0)
            .clicksOverTime(List.of(DailyClicks.of(LocalDate.of(2026, 11, 1), 0))).topLinks(List.of()).build()
            .toString());
  }

  @Test
  void aSummaryBuilderCopiesWhatItIsGiven() {
    List<Map<String, ?>> top = new ArrayList<>();
    top.add(new java.util.HashMap<>(Map.of("short_code", "abc")));
    SnipurlAnalyticsSummary summary = SnipurlAnalyticsSummary.builder().topLinks(top).build();
    top.clear();
    assertEquals(List.of(Map.of("short_code", "abc")), summary.topLinks().orElseThrow());
    assertThrows(UnsupportedOperationException.class, () -> summary.topLinks().orElseThrow().get(0).put("x", 1));
    assertThrows(NullPointerException.class, () -> SnipurlAnalyticsSummary.builder().data(null));
    assertThrows(NullPointerException.class, () -> SnipurlAnalyticsSummary.builder().clicksOverTime(null));
  }
}
