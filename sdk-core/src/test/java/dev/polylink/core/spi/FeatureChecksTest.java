package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.ClickCount;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.FeatureNotAvailableException;
import dev.polylink.core.LinkField;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.ProviderOptions;
import dev.polylink.core.QrCapabilities;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.QrSizeUnit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsCapabilities;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.TransportException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class FeatureChecksTest {
  record Extras(String providerId) implements ProviderOptions {}

  private static final Capabilities QR = Capabilities.builder().creatableFields(LinkField.DESTINATION)
      .operations(Operation.QR_CODE, Operation.STATS)
      .qrCodes(QrCapabilities.of(EnumSet.of(QrFormat.PNG), 100, 1000, QrSizeUnit.PIXELS))
      .stats(StatsCapabilities.of(EnumSet.of(StatsField.TOTAL_CLICKS), DateRangeSupport.REQUIRED))
      .build();
  private static final Capabilities NONE = Capabilities.builder().creatableFields(LinkField.DESTINATION).build();

  @Test
  void qrOptionsAreCheckedAllAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> FeatureChecks.qrCode("p", QR,
        QrOptions.builder().format(QrFormat.SVG).size(99).options(() -> "other").build(), Extras.class));
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertEquals("format: svg is not served by p (supported: png)", e.violations().get(0));
    assertEquals("size: must be 100 to 1000 pixels for p (was 99)", e.violations().get(1));
    assertEquals(Optional.of(new Extras("p")), FeatureChecks.qrCode("p", QR,
        QrOptions.builder().size(1000).options(new Extras("p")).build(), Extras.class));
    assertThrows(OperationNotSupportedException.class, () -> FeatureChecks.qrCode("p", NONE, QrOptions.defaults(), Extras.class));
  }

  @Test
  void statsRangesFollowTheSupport() {
    assertThrows(RequestValidationException.class, () -> FeatureChecks.stats("p", QR, StatsRequest.allTime()));
    FeatureChecks.stats("p", QR, StatsRequest.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
    assertThrows(OperationNotSupportedException.class, () -> FeatureChecks.stats("p", NONE, StatsRequest.allTime()));
  }

  @Test
  void aFeatureIsRefusedOnlyWhenTheUsageSaysFalse() {
    AccountUsage lacks = AccountUsage.builder().putFeature("bulk_ops", false).putFeature("routing_rules", true).build();
    assertThrows(FeatureNotAvailableException.class,
        () -> FeatureChecks.requireFeature("xqr", Operation.CREATE, Optional.of(lacks), "bulk_ops"));
    FeatureChecks.requireFeature("xqr", Operation.CREATE, Optional.of(lacks), "routing_rules");
    FeatureChecks.requireFeature("xqr", Operation.CREATE, Optional.of(lacks), "unmentioned");
    FeatureChecks.requireFeature("xqr", Operation.CREATE, Optional.empty(), "bulk_ops");
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 7};

  @Test
  void qrImagesTrustTheContentTypeThenTheBytes() {
    assertEquals(QrFormat.SVG, QrImages.read("p", ResponseBody.create("<svg/>", MediaType.get("image/svg+xml"))).format());
    assertEquals(QrFormat.PNG, QrImages.read("p", ResponseBody.create(PNG, MediaType.get("application/octet-stream"))).format());
    assertEquals(QrFormat.SVG, QrImages.read("p", ResponseBody.create("\n<?xml version=\"1.0\"?><svg/>", (MediaType) null)).format());
    assertThrows(TransportException.class, () -> QrImages.read("p", ResponseBody.create("{}", MediaType.get("application/json"))));
  }

  @Test
  void base64PngsAreDecodedOnlyWhenTheyArePngs() {
    String b64 = Base64.getEncoder().encodeToString(PNG);
    assertEquals(Optional.of(QrCode.of(QrFormat.PNG, PNG)), QrImages.base64Png(b64));
    assertEquals(Optional.of(QrCode.of(QrFormat.PNG, PNG)), QrImages.base64Png("data:image/png;base64," + b64));
    assertEquals(Optional.empty(), QrImages.base64Png("<string>"));
    assertEquals(Optional.empty(), QrImages.base64Png(Base64.getEncoder().encodeToString("GIF89a".getBytes())));
    assertEquals(Optional.empty(), QrImages.base64Png("https://cdn.example.com/qr.png"));
    assertEquals(Optional.empty(), QrImages.base64Png("data:image/png," + b64));
  }

  @Test
  void clickCountsReadArraysAndObjectsLeniently() {
    JsonNode array = Json.tryParse("[{\"country\":\"US\",\"scans\":3},{\"name\":\"FR\",\"count\":\"2\"},{\"country\":\"XX\"},7]").orElseThrow();
    assertEquals(Optional.of(List.of(ClickCount.of("US", 3), ClickCount.of("FR", 2))),
        ClickCounts.read(array, List.of("country", "name"), List.of("scans", "count")));
    JsonNode object = Json.tryParse("{\"US\": 4, \"DE\": -1, \"FR\": 1.5}").orElseThrow();
    assertEquals(Optional.of(List.of(ClickCount.of("US", 4))), ClickCounts.read(object, List.of(), List.of()));
    assertEquals(Optional.empty(), ClickCounts.read(null, List.of(), List.of()));
    assertEquals(Optional.empty(), ClickCounts.read(Json.tryParse("3").orElseThrow(), List.of(), List.of()));
    JsonNode days = Json.tryParse("[{\"date\":\"2026-03-21T00:00:00Z\",\"scans\":4},{\"date\":\"21/03/2026\",\"scans\":1}]").orElseThrow();
    assertEquals(Optional.of(List.of(DailyClicks.of(LocalDate.of(2026, 3, 21), 4))),
        ClickCounts.daily(days, List.of("date"), List.of("scans")));
  }
}
