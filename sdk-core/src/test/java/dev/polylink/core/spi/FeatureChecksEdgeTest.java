package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Capabilities;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.LinkField;
import dev.polylink.core.Operation;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.QrCapabilities;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.QrSizeUnit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsCapabilities;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureChecksEdgeTest {
  private static Capabilities qr(DateRangeSupport range) {
    return Capabilities.builder().creatableFields(LinkField.DESTINATION)
        .operations(Operation.QR_CODE, Operation.STATS)
        .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.PNG, QrFormat.SVG), 100, 1000, QrSizeUnit.PIXELS))
        .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS), range))
        .build();
  }

  @Test
  void aServedFormatAndBothEndsOfTheSizeRangeAreAccepted() {
    Capabilities caps = qr(DateRangeSupport.OPTIONAL);
    for (QrFormat format : QrFormat.values()) {
      assertEquals(Optional.empty(), FeatureChecks.qrCode("p", caps, QrOptions.builder().format(format).build(),
          ProviderOptions.class));
    }
    for (int size : new int[] {100, 1000}) {
      assertEquals(Optional.empty(), FeatureChecks.qrCode("p", caps, QrOptions.builder().size(size).build(),
          ProviderOptions.class));
    }
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> FeatureChecks.qrCode("p", caps, QrOptions.builder().size(1001).build(), ProviderOptions.class));
    assertEquals(List.of("size: must be 100 to 1000 pixels for p (was 1001)"), e.violations());
  }

  @Test
  void aWholeLifeOnlyProviderRefusesARangeAndTakesAllTime() {
    Capabilities caps = qr(DateRangeSupport.NONE);
    FeatureChecks.stats("p", caps, StatsRequest.allTime());
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> FeatureChecks.stats("p", caps,
        StatsRequest.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))));
    assertEquals(List.of("range: p reports statistics over a link's whole life only; use StatsRequest.allTime()"),
        e.violations());
  }

  @Test
  void anOptionalRangeTakesBoth() {
    Capabilities caps = qr(DateRangeSupport.OPTIONAL);
    FeatureChecks.stats("p", caps, StatsRequest.allTime());
    FeatureChecks.stats("p", caps, StatsRequest.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
  }
}
