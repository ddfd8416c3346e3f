package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** CarrierX's only analytics, {@code hits} and {@code date_accessed}, read from the link object. */
class CarrierxStatsTest extends CarrierxWireMockTest {
  @Test
  void statsAreTheLinksHitsAndLastAccess() {
    String body = fixture("link-with-ttl.json");
    String sid = body.replaceAll("(?s).*\"link_sid\": *\"([^\"]+)\".*", "$1");
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS + "/" + sid)).willReturn(json(200, body)));
    LinkStats stats = client.stats(LinkId.of(sid));
    assertEquals(OptionalLong.of(7), stats.totalClicks());
    assertEquals(Optional.of(Instant.parse("2024-02-01T08:15:30Z")), stats.lastClickedAt());
    assertEquals(Optional.empty(), stats.dailyClicks());
    assertEquals(Optional.empty(), stats.countries());
    assertEquals(Optional.empty(), stats.referrers());
    assertEquals(Map.of("hits", 7, "date_accessed", "2024-02-01T08:15:30.000Z"), stats.providerFields());
  }

  @Test
  void aRangeQrCodesAndUsageAreRefusedBeforeSending() {
    LinkId id = LinkId.of(CarrierxFixtures.SID);
    assertThrows(RequestValidationException.class,
        () -> client.stats(id, StatsRequest.between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))));
    assertThrows(OperationNotSupportedException.class, () -> client.qrCode(id));
    assertThrows(OperationNotSupportedException.class, () -> client.accountUsage());
    assertEquals(0, requests().size());
  }
}
