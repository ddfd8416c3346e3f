package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The value types of QR images, statistics and usage: immutable, null-hostile, equal by value. */
class FeatureValuesTest {
  private static final LinkId ID = LinkId.of("abc");

  @Test
  void qrCodeCopiesItsBytesBothWays() {
    byte[] bytes = {1, 2, 3};
    QrCode qr = QrCode.of(QrFormat.PNG, bytes);
    bytes[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, qr.bytes());
    qr.bytes()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, qr.bytes());
    assertEquals("image/png", qr.mediaType());
    assertEquals(QrCode.of(QrFormat.PNG, new byte[] {1, 2, 3}), qr);
    assertNotEquals(QrCode.of(QrFormat.SVG, new byte[] {1, 2, 3}), qr);
    assertEquals(QrCode.of(QrFormat.PNG, new byte[] {1, 2, 3}).hashCode(), qr.hashCode());
    assertEquals("QrCode{format=PNG, length=3}", qr.toString());
    assertThrows(NullPointerException.class, () -> QrCode.of(null, bytes));
  }

  @Test
  void qrOptionsAreEmptyUntilSetAndRoundTrip() {
    assertEquals(Optional.empty(), QrOptions.defaults().format());
    assertEquals(OptionalInt.empty(), QrOptions.defaults().size());
    QrOptions options = QrOptions.builder().format(QrFormat.SVG).size(12).options(() -> "x").build();
    assertEquals(OptionalInt.of(12), options.size());
    assertEquals(options.format(), options.toBuilder().build().format());
    assertEquals(QrOptions.builder().size(3).build(), QrOptions.builder().size(3).build());
    assertThrows(NullPointerException.class, () -> QrOptions.builder().format(null));
  }

  @Test
  void qrCapabilitiesCheckTheirRange() {
    QrCapabilities qr = QrCapabilities.of(EnumSet.of(QrFormat.PNG), 100, 1000, QrSizeUnit.PIXELS);
    assertTrue(qr.supported());
    assertEquals(Optional.of(QrSizeUnit.PIXELS), qr.sizeUnit());
    assertFalse(QrCapabilities.none().supported());
    assertThrows(RequestValidationException.class, () -> QrCapabilities.of(EnumSet.noneOf(QrFormat.class), 1, 2, QrSizeUnit.PIXELS));
    assertThrows(RequestValidationException.class, () -> QrCapabilities.of(EnumSet.of(QrFormat.PNG), 5, 4, QrSizeUnit.PIXELS));
    assertThrows(RequestValidationException.class, () -> QrCapabilities.of(EnumSet.of(QrFormat.PNG), 0, 4, QrSizeUnit.PIXELS));
  }

  @Test
  void capabilitiesTieTheNewOperationsToTheirDetails() {
    java.util.function.Supplier<Capabilities.Builder> base = () -> Capabilities.builder().creatableFields(LinkField.DESTINATION);
    assertThrows(RequestValidationException.class, () -> base.get().operations(Operation.QR_CODE).build());
    assertThrows(RequestValidationException.class, () -> base.get().operations(Operation.STATS).build());
    assertThrows(RequestValidationException.class, () -> base.get()
        .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.SVG), 1, 2, QrSizeUnit.PIXELS)).build());
    Capabilities full = base.get().operations(Operation.QR_CODE, Operation.STATS)
        .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.SVG), 1, 2, QrSizeUnit.PIXELS))
        .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS), DateRangeSupport.OPTIONAL)).build();
    assertEquals(full, full.toBuilder().build());
    assertNotEquals(full, full.toBuilder().stats(StatsCapabilities.of(EnumSet.of(StatsField.DEVICES), DateRangeSupport.OPTIONAL)).build());
    assertTrue(full.toString().contains("qrCodes=QrCapabilities{formats=[SVG]"), full.toString());
  }

  @Test
  void statsRequestsNeedBothEndsInOrder() {
    StatsRequest november = StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    assertTrue(november.hasRange());
    assertFalse(StatsRequest.allTime().hasRange());
    assertEquals(november, november.toBuilder().build());
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> StatsRequest.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)));
    assertEquals(List.of("to: must not be before from (was 2026-11-02 to 2026-11-01)"), e.violations());
    assertEquals(StatsRequest.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).from(),
        Optional.of(LocalDate.of(2026, 1, 1)));
  }

  @Test
  void linkStatsRankCountsAndOrderDaysAndStayEmptyWhenUnsaid() {
    List<ClickCount> countries = new ArrayList<>(List.of(ClickCount.of("US", 1), ClickCount.of("DE", 5), ClickCount.of("FR", 1)));
    LinkStats stats = LinkStats.builder().linkId(ID).totalClicks(7).countries(countries)
        .dailyClicks(List.of(DailyClicks.of(LocalDate.of(2026, 1, 2), 3), DailyClicks.of(LocalDate.of(2026, 1, 1), 4)))
        .providerFields(Map.of("raw", List.of(1)))
        .build();
    countries.clear();
    assertEquals(Optional.of(List.of(ClickCount.of("DE", 5), ClickCount.of("US", 1), ClickCount.of("FR", 1))),
        stats.countries(), "most first; ties keep the vendor's order; copied");
    assertEquals(LocalDate.of(2026, 1, 1), stats.dailyClicks().orElseThrow().get(0).date());
    assertEquals(Optional.empty(), stats.devices());
    assertEquals(Optional.empty(), stats.lastClickedAt());
    assertEquals(OptionalLong.of(7), stats.totalClicks());
    assertEquals(StatsRequest.allTime(), stats.request());
    assertEquals(stats, stats.toBuilder().build());
    assertNotEquals(stats, stats.toBuilder().totalClicks(8).build());
    assertThrows(UnsupportedOperationException.class, () -> stats.countries().orElseThrow().add(ClickCount.of("X", 1)));
    assertThrows(NullPointerException.class, () -> LinkStats.builder().build());
    assertThrows(IllegalArgumentException.class, () -> LinkStats.builder().totalClicks(-1));
    assertThrows(IllegalArgumentException.class, () -> ClickCount.of("US", -1));
  }

  @Test
  void accountUsageKeepsTheVendorsNames() {
    AccountUsage usage = AccountUsage.builder().plan("pro")
        .addQuota(Quota.builder("api_calls").limit(50_000).used(12).build())
        .putFeature("bulk_ops", false)
        .build();
    assertEquals(Optional.of(false), usage.feature("bulk_ops"));
    assertEquals(Optional.empty(), usage.feature("csv_export"));
    assertEquals(OptionalLong.empty(), usage.quota("api_calls").orElseThrow().remaining(), "never computed");
    assertEquals(usage, usage.toBuilder().build());
    assertThrows(UnsupportedOperationException.class, () -> usage.features().put("x", true));
    assertTrue(usage.toString().contains("api_calls"), usage.toString());
  }

  @Test
  void theNewExceptionsSayWhatAndWho() {
    OperationNotSupportedException e = new OperationNotSupportedException("carrierx", Operation.QR_CODE, "no QR image endpoint");
    assertEquals("carrierx does not support qr_code: no QR image endpoint", e.getMessage());
    FeatureNotAvailableException f = new FeatureNotAvailableException("xqr", Operation.CREATE, "routing_rules", "pro");
    assertEquals("xqr: the plan 'pro' does not include routing_rules, which create needs here; nothing was sent", f.getMessage());
    assertEquals("routing_rules", f.feature());
  }
}
